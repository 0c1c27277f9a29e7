/** The conservation check lives with the content pipeline (npm run fidelity uses it too). */
export { conservation } from '../../src/content/conservation';
