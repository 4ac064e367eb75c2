// Kept equal to package.json's version by a unit test: reading package.json at run time would
// need a different relative path in the source tree, the compiled tree and a packaged app.
export const appVersion = '0.1.0';
