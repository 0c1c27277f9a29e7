/** The site's icon: an SVG (every current browser), also answered at /favicon.ico. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#0969da"/>
<path d="M8 9h16v3.5h-6.2V24h-3.6V12.5H8z" fill="#fff"/>
<circle cx="24.5" cy="22.5" r="3" fill="#ffd33d"/>
</svg>
`;
