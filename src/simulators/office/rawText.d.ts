/** A file imported with `?raw` is its text (webpack: asset/source; Vite and vitest: built in). */
declare module "*?raw" {
  const text: string;
  export default text;
}
