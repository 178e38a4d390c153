/** esbuild bundles imported stylesheets into dist/webview.css next to dist/webview.js. */
declare module '*.css';
