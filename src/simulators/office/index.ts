/** The Office.js fake used by tests and the workbench. Browser-safe: no Node built-ins. */
export {
  createOfficeFake,
  installOfficeFake,
  MAX_SELECTED_ITEMS,
  type OfficeFake,
  type OfficeFakeController,
  type PaneState,
} from "./officeFake";
export { readManifest, type ManifestDeclarations, type TaskpaneAction } from "./manifest";
export { PROJECT_MANIFEST_XML } from "./projectManifest";
export { REPLY_FORM_LIMIT_BYTES } from "./readItem";
export { officeEnums } from "./enums";
export type * from "./types";
