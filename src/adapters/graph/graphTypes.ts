/**
 * The Graph shapes our adapters send and read, from Microsoft's own description of Graph
 * (`@microsoft/microsoft-graph-types`), so a misspelt property fails to compile instead of failing in a tenant.
 * Where Graph leaves a property optional that a response always carries (an id), the type says so.
 */
import type {
  Attachment,
  ColumnDefinition,
  Drive,
  DriveItem,
  Event,
  List,
  ListItem,
  MailboxSettings,
  Message,
  OutlookCategory,
  Site,
  UploadSession,
} from "@microsoft/microsoft-graph-types";

export type {
  Attachment,
  ColumnDefinition,
  Drive,
  DriveItem,
  Event,
  List,
  ListItem,
  MailboxSettings,
  Message,
  OutlookCategory,
  Site,
  UploadSession,
};

/** A message as Graph returns it: always with its id; `@removed` marks a deletion in a delta page. */
export type GraphMessageDto = Message & { id: string; "@removed"?: { reason?: string } };

/**
 * An attachment of a message as Graph lists it: `@odata.type` says which kind (fileAttachment, itemAttachment,
 * referenceAttachment). learn.microsoft.com/graph/api/resources/attachment
 */
export type GraphAttachmentDto = Attachment & { id: string; "@odata.type"?: string };

/** An event as Graph returns it. */
export type GraphEventDto = Event & { id: string };

/** A page of a Graph collection. */
export interface GraphPage<T> {
  value?: T[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

/** The body of `POST /me/sendMail`. learn.microsoft.com/graph/api/user-sendmail */
export interface SendMailBody {
  message: Message;
  saveToSentItems?: boolean;
}

/** One request of a JSON `$batch`. learn.microsoft.com/graph/json-batching */
export interface BatchRequest {
  id: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

/** The body of `POST /$batch`: at most 20 requests. */
export interface BatchRequestBody {
  requests: BatchRequest[];
}

/** One answer in a `$batch` response. */
export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResponseBody {
  responses?: BatchResponse[];
}

/** The body of `createUploadSession`. learn.microsoft.com/graph/api/driveitem-createuploadsession */
export interface CreateUploadSessionBody {
  item: { "@microsoft.graph.conflictBehavior"?: "fail" | "replace" | "rename"; name?: string };
  deferCommit?: boolean;
}

/** A new folder: `POST …/children`. learn.microsoft.com/graph/api/driveitem-post-children */
export type NewFolderBody = Pick<DriveItem, "name" | "folder"> & { "@microsoft.graph.conflictBehavior"?: "fail" | "replace" | "rename" };

/** A new list: `POST /sites/{id}/lists`. learn.microsoft.com/graph/api/list-create */
export type NewListBody = Pick<List, "displayName" | "columns" | "list">;

/** An item of a list whose fields are `F`: Graph's listItem with typed fields. */
export type TypedListItem<F> = Omit<ListItem, "fields"> & {
  id: string;
  fields?: F & { "@odata.etag"?: string };
  deleted?: { state?: string };
};
