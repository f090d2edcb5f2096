/** Reads a firm-shared file (the directory) from OneDrive/SharePoint by its sharing URL. */
export interface DirectoryFileReader {
  /** The file's content as text; rejects with MatterlineError("not-found") when the link is dead or denied. */
  readSharedFile(sharingUrl: string): Promise<string>;
}
