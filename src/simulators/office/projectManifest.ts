// manifest.xml stays at the project root, where Outlook, the build and office-addin-manifest read it; the fake reads the
// same file as text (webpack's asset/source for `?raw`, and Vite's `?raw` in tests), so the two cannot drift apart.
import manifestXml from "../../../manifest.xml?raw";

/** The text of the project's manifest.xml: what the Office fake allows unless a test passes a variant. */
export const PROJECT_MANIFEST_XML: string = manifestXml;
