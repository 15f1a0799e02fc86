/** The most bytes a request body may have: the Node layer stops reading past it (read-body.ts), the engine answers 413 (request-body.ts). */
export const bodyLimitBytes = 1024 * 1024;
