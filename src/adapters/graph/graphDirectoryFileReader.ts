import type { DirectoryFileReader } from "@ports/directoryFileReader";
import { GraphScopes } from "@ports/tokenProvider";
import { MatterlineError } from "@domain/errors";
import type { GraphClient } from "./graphClient";

/** Graph's sharing id: `u!` + unpadded base64url of the URL (UTF-8). */
export function encodeSharingUrl(url: string): string {
  const bytes = new TextEncoder().encode(url);
  let bin = "";
  bytes.forEach((b) => (bin += String.fromCharCode(b)));
  return "u!" + btoa(bin).replace(/=+$/, "").replace(/\//g, "_").replace(/\+/g, "-");
}

/** DirectoryFileReader over `/shares/{id}/driveItem/content`. */
export function createGraphDirectoryFileReader(graph: GraphClient): DirectoryFileReader {
  return {
    async readSharedFile(sharingUrl: string): Promise<string> {
      if (!/^https:\/\//i.test(sharingUrl))
        throw new MatterlineError("invalid-config", "The directory link must be an https sharing link from OneDrive or SharePoint.");
      try {
        return await graph.call<string>({
          method: "GET",
          path: `/shares/${encodeSharingUrl(sharingUrl)}/driveItem/content`,
          scopes: GraphScopes.files,
          responseType: "text",
        });
      } catch (e) {
        const err = e as MatterlineError;
        if (err.code === "not-found")
          throw new MatterlineError(
            "not-found",
            "The shared directory file was not found, or you have no access to it. Check the sharing link in Settings.",
            { cause: e },
          );
        throw err;
      }
    },
  };
}
