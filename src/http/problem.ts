/**
 * RFC 9457 problem details: every API error of Tidings is answered with one of these.
 */
export interface Problem {
  /** HTTP status code. */
  status: number;
  /** Short, human-readable summary of the problem type. */
  title: string;
  /** Human-readable explanation specific to this occurrence: say what was wrong. */
  detail?: string;
  type?: string;
  [extension: string]: unknown;
}

export function problemResponse(problem: Problem, headers?: HeadersInit): Response {
  const body = JSON.stringify({ type: 'about:blank', ...problem });
  const h = new Headers(headers);
  h.set('Content-Type', 'application/problem+json; charset=utf-8');
  return new Response(body, { status: problem.status, headers: h });
}
