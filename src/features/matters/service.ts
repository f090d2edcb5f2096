/** The matters feature's orchestration: directory import, timelines, bulk tagging and the untagged queue. */
export * from "./directoryImport";
export * from "./addContact";
export * from "./matterTimeline";
export * from "./bulkTagging";
export * from "./untaggedQueue";
export * from "@domain/recognition/windowMarks";
