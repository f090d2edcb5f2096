import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

// Styles are Fluent makeStyles classes, compiled to CSS at build time; no inline style objects or DOM style writes.
const root = resolve(__dirname, "..");
const rel = (file: string) => relative(root, file).split("\\").join("/");

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/**
 * `file:line: what` for every inline style in TypeScript source: a JSX `style` prop (an object literal or a constant),
 * an element's `.style` / `.cssText`, or `setAttribute("style", …)`. Strings that build mail HTML are not DOM styles.
 */
function inlineStyles(file: string, text: string): string[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${what}`);
  const visit = (node: ts.Node) => {
    if (ts.isJsxAttribute(node) && node.name.getText(source) === "style") at(node, node.getText(source).slice(0, 80));
    else if (ts.isPropertyAccessExpression(node) && (node.name.text === "style" || node.name.text === "cssText"))
      at(node, node.getText(source).slice(0, 80));
    else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "setAttribute" &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      node.arguments[0].text.toLowerCase() === "style"
    )
      at(node, node.getText(source).slice(0, 80));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const code = filesUnder(join(root, "src"), /\.tsx?$/).map((f) => ({ file: rel(f), text: readFileSync(f, "utf8") }));

describe("styles are makeStyles classes, not inline styles", () => {
  it("no style prop, element.style, cssText or style attribute anywhere in src", () => {
    expect(code.length).toBeGreaterThan(100);
    expect(code.flatMap(({ file, text }) => inlineStyles(file, text))).toEqual([]);
  });

  it("the checker catches each kind of inline style (it can fail)", () => {
    const caught = (text: string) => inlineStyles("x.tsx", text).length;
    expect(caught(`const a = <div style={{ display: "flex", gap: 8 }} />;`)).toBe(1);
    expect(caught(`const a = <div\n  data-x="1"\n  style={{\n    width: 100,\n  }}\n/>;`)).toBe(1);
    expect(caught(`const S = { gap: 4 } as const;\nconst a = <Caption1 style={S} />;`)).toBe(1);
    expect(caught(`el.style.display = "none";`)).toBe(1);
    expect(caught(`p.style.cssText = "padding:12px";`)).toBe(2);
    expect(caught(`el.setAttribute("style", "color:red");`)).toBe(1);
    expect(caught(`const a = <div className={styles.root} data-style="x" />;\nconst html = '<td style="padding:2px">';`)).toBe(0);
  });

  it("the HTML pages in src style themselves from their <style> block, not style attributes", () => {
    const pages = filesUnder(join(root, "src"), /\.html$/).map((f) => ({ file: rel(f), text: readFileSync(f, "utf8") }));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter(({ text }) => /\sstyle\s*=/i.test(text)).map((p) => p.file)).toEqual([]);
  });
});

describe("every makeStyles call is compiled at build time", () => {
  it("makeStyles and makeResetStyles are imported only from a module the Griffel loader compiles (webpack.config.js)", async () => {
    // @ts-expect-error plain ESM config without types
    const config = (await import("../webpack.config.js")) as { griffelModules: { moduleSource: string; importName: string }[] };
    const compiled = new Set(config.griffelModules.map((m) => m.moduleSource));
    expect(compiled.size).toBeGreaterThan(0);
    const strays: string[] = [];
    let calls = 0;
    for (const { file, text } of code) {
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
        const names = m[1].split(",").map((n) => n.trim().split(/\s+as\s+/)[0]);
        if (names.some((n) => n === "makeStyles" || n === "makeResetStyles") && !compiled.has(m[2])) strays.push(`${file}: from ${m[2]}`);
      }
      calls += (text.match(/\bmake(?:Reset)?Styles\(/g) ?? []).length;
    }
    expect(calls).toBeGreaterThan(30);
    expect(strays).toEqual([]);
  });
});

describe("the light theme comes with the pane's page", () => {
  it("taskpane.html and workbench-pane.html carry every token of Fluent's webLightTheme as a CSS variable on :root", async () => {
    // @ts-expect-error plain ESM config without types
    const config = (await import("../webpack.config.js")) as { default: (env: object, argv: object) => Promise<unknown> };
    const built = (await config.default({ workbench: true }, { mode: "production" })) as {
      plugins: { userOptions?: { filename?: string; template?: string; templateParameters?: { themeCss?: unknown } } }[];
    };
    const pages = new Map(built.plugins.filter((p) => p.userOptions?.filename).map((p) => [p.userOptions!.filename, p.userOptions!]));
    const { webLightTheme } = await import("@fluentui/react-theme");
    for (const name of ["taskpane.html", "workbench-pane.html"]) {
      const page = pages.get(name);
      expect(page, name).toBeDefined();
      const css = String(page!.templateParameters?.themeCss);
      expect(css.startsWith(":root {"), name).toBe(true);
      const missing = Object.entries(webLightTheme).filter(([token, value]) => !css.includes(`--${token}: ${String(value)};`));
      expect(missing, name).toEqual([]);
      expect(readFileSync(join(root, page!.template!), "utf8"), name).toMatch(/<style><%= themeCss %><\/style>/);
    }
  });

  it("the dark and high-contrast themes set every variable the page's light theme sets, so none of light shows through", async () => {
    const { webLightTheme } = await import("@fluentui/react-theme");
    const { webDarkTheme, teamsHighContrastTheme } = await import("@shell/otherThemes");
    for (const [name, theme] of Object.entries({ webDarkTheme, teamsHighContrastTheme })) {
      const missing = Object.keys(webLightTheme).filter((token) => !(token in theme));
      expect(missing, name).toEqual([]);
    }
    // Loading Fluent's components in Node takes seconds on a busy machine.
  }, 60000);
});
