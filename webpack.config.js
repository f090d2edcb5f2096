// One webpack config for every page: the task pane (what Outlook loads), the function file (ribbon commands and
// OnMessageSend), the sign-in page, the workbench (the offline demo host) and, for `npm run bench`, a minimal Fluent
// "hello" pane.
//
//   webpack --mode production                    the add-in only (what `npm run build` deploys)
//   webpack --mode production --env workbench    the add-in and the workbench (the browser tests)
//   webpack serve --mode development             the add-in and the workbench (`npm start`)
import { createRequire } from "node:module";
import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import webpack from "webpack";
import { aliases as ALIASES } from "./scripts/aliases.mjs";
import { contentSecurityPolicy, microsoftEndpoints, productionHeaders } from "./scripts/microsoftEndpoints.mjs";
import { FIRM_PATH, firmMiddleware } from "./scripts/workbenchFirm.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where the app's makeStyles / makeResetStyles come from: Fluent's umbrella package, which re-exports Griffel's
 * build-time entry points. The Griffel loader compiles calls imported from these modules only (tests/styles.test.ts).
 */
export const griffelModules = [
  { moduleSource: "@fluentui/react-components", importName: "makeStyles", resetImportName: "makeResetStyles" },
];
const DEV_BASE_URL = "https://localhost:3000";

/** Source maps of a production build go beside its output folder, never into what is deployed. */
export const SOURCE_MAP_FOLDER = "dist-sourcemaps";

/**
 * Where the add-in is served in production; the manifest's dev URL is rewritten to it at build time. Outlook loads
 * add-ins only from HTTPS addresses ("The source location must be an HTTPS address",
 * https://learn.microsoft.com/en-us/javascript/api/manifest/sourcelocation), so anything else stops the build.
 */
export function productionBaseUrl(value = process.env.MATTERLINE_BASE_URL) {
  const url = (value || DEV_BASE_URL).trim().replace(/\/+$/, "");
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    // reported below
  }
  if (parsed?.protocol !== "https:" || !parsed.host || parsed.search || parsed.hash)
    throw new Error(
      `MATTERLINE_BASE_URL must be an https:// address such as https://addin.yourfirm.example (Outlook loads add-ins only over HTTPS); got "${url}".`,
    );
  return url;
}

// The pages' Content-Security-Policy (scripts/microsoftEndpoints.mjs). Styles: Griffel inserts the build-time compiled
// rules into <style> elements at run time, the pane's page carries the light theme's variables in an inline <style>, and
// the digest preview (a sandboxed srcdoc frame, which inherits this policy) is mail HTML with inline style attributes.

/**
 * Fluent's light theme as CSS variables on :root, for the pages that show the pane: the pane's first script then
 * carries no theme tokens (src/shell/theme.ts). Written by Fluent's own createCSSRuleFromTheme.
 */
function lightThemeCss() {
  const require = createRequire(import.meta.url);
  const { createCSSRuleFromTheme } = require("@fluentui/react-provider");
  const { webLightTheme } = require("@fluentui/react-theme");
  return createCSSRuleFromTheme(":root", webLightTheme);
}

export default async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const https = Boolean(env.https);
  // The workbench, its sample firm and the simulators ship only where asked for: never in `npm run build`.
  const workbench = !production || Boolean(env.workbench);
  const baseUrl = production ? productionBaseUrl() : DEV_BASE_URL;
  // Graph and Microsoft sign-in, on the firm's cloud, are the only places the pane may talk to.
  const endpoints = microsoftEndpoints(process.env);
  const CSP = contentSecurityPolicy(endpoints);
  // A firm's own files for the workbench (`npm start -- --directory … --mail …`, scripts/start.mjs): the dev server
  // serves them on its own origin (the CSP's 'self'), the workbench reads them from there.
  const firm = !production && process.env.MATTERLINE_WORKBENCH_FIRM ? JSON.parse(process.env.MATTERLINE_WORKBENCH_FIRM) : null;
  const entry = {
    taskpane: "./src/hosts/taskpane/index.tsx",
    commands: "./src/hosts/commands/commands.ts",
    auth: "./src/hosts/taskpane/auth.ts",
  };
  if (workbench) Object.assign(entry, { workbench: "./src/workbench/index.tsx", workbenchPane: "./src/workbench/paneHost.ts" });
  if (env.baseline) entry.baseline = "./scripts/bench/baseline/hello.tsx";

  const themeCss = lightThemeCss();
  const page = (filename, chunks, extra = {}) =>
    new HtmlWebpackPlugin({
      filename,
      chunks,
      chunksSortMode: "manual",
      template: "./src/hosts/taskpane/page.html",
      templateParameters: { csp: CSP, title: "Matterline", officeJs: false, themeCss: "", ...extra },
      inject: "body",
    });

  let server = "http";
  if (https) {
    const devCerts = await import("office-addin-dev-certs");
    server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }

  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval, in development too. Production maps
    // are hidden (no sourceMappingURL in the scripts) and written outside the output folder, for error reports only.
    devtool: production ? "hidden-source-map" : "cheap-module-source-map",
    entry,
    output: {
      path: resolve(here, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      ...(production ? { sourceMapFilename: `../${SOURCE_MAP_FOLDER}/[file].map` } : {}),
      clean: true,
      publicPath: "/",
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"], extensionAlias: { ".js": [".ts", ".tsx", ".js"] }, alias: ALIASES },
    module: {
      rules: [
        // An import with the `?raw` query gives the file as text: the workbench's Office fake reads manifest.xml this way.
        { resourceQuery: /raw/, type: "asset/source" },
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
        // makeStyles / makeResetStyles calls are compiled at build time into their CSS (Griffel's ahead-of-time
        // transform), after TypeScript: the pages then carry no CSS-in-JS compiler and resolve no style at run time.
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          enforce: "post",
          use: { loader: "@griffel/webpack-loader", options: { modules: griffelModules } },
        },
        { test: /\.(eml|jsonl|tsv)$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    plugins: [
      // Public sign-in configuration (a client id is not a secret); empty in the workbench, which never signs in.
      new webpack.DefinePlugin({
        __MATTERLINE_CLIENT_ID__: JSON.stringify(process.env.MATTERLINE_CLIENT_ID ?? ""),
        __MATTERLINE_AUTHORITY__: JSON.stringify(endpoints.authority),
        __MATTERLINE_GRAPH_ENDPOINT__: JSON.stringify(endpoints.graphEndpoint),
        // The firm's tenant (GUID or domain): sign-in is pinned to it and accounts of other tenants are refused.
        __MATTERLINE_TENANT__: JSON.stringify(process.env.MATTERLINE_TENANT ?? ""),
        // The firm's matter record (a SharePoint site) and the scope asked for it; see README, "Use it in Outlook".
        __MATTERLINE_RECORD_SITE__: JSON.stringify(process.env.MATTERLINE_RECORD_SITE ?? ""),
        __MATTERLINE_SITES_SCOPE__: JSON.stringify(process.env.MATTERLINE_SITES_SCOPE ?? ""),
        __WORKBENCH_FIRM_URL__: JSON.stringify(firm ? FIRM_PATH : ""),
      }),
      // What the production host should send with the pages (README, "Use it in Outlook").
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("SecurityHeaders", (compilation) =>
            compilation.hooks.processAssets.tap(
              { name: "SecurityHeaders", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
              () =>
                compilation.emitAsset(
                  "security-headers.txt",
                  new webpack.sources.RawSource(`${productionHeaders(endpoints).join("\n")}\n`),
                ),
            ),
          );
        },
      },
      // The production pane loads office.js from Microsoft's CDN; the workbench pane gets the Office fake instead.
      page("taskpane.html", ["taskpane"], { officeJs: true, themeCss }),
      page("commands.html", ["commands"], { officeJs: true, title: "Matterline commands" }),
      page("auth.html", ["auth"], { officeJs: true, title: "Matterline sign-in" }),
      ...(workbench
        ? [
            page("workbench-pane.html", ["workbenchPane", "taskpane"], { title: "Matterline (workbench)", themeCss }),
            new HtmlWebpackPlugin({
              filename: "index.html",
              chunks: ["workbench"],
              template: "./src/workbench/workbench.html",
              templateParameters: { csp: CSP },
              inject: "body",
            }),
          ]
        : []),
      ...(env.baseline ? [page("baseline.html", ["baseline"], { title: "Baseline" })] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "src/hosts/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? content.toString().replaceAll(DEV_BASE_URL, baseUrl) : content),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      host: "localhost",
      server,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false } },
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      historyApiFallback: false,
      setupMiddlewares: (middlewares) =>
        firm ? [{ name: "workbench-firm", middleware: firmMiddleware(firm) }, ...middlewares] : middlewares,
    },
  };
};
