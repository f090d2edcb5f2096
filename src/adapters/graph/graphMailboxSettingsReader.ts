import { GraphError } from "@microsoft/microsoft-graph-client";
import type { MailboxSettingsReader, MailboxWorkingHours } from "@ports/mailboxSettingsReader";
import { GraphScopes } from "@ports/tokenProvider";
import type { MatterlineError } from "@domain/errors";
import type { GraphClient } from "./graphClient";
import { mailboxPath } from "./mailboxPath";
import type { MailboxSettings } from "./graphTypes";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

type SettingsDto = MailboxSettings;

/** Working hours from `/mailboxSettings`; null for shared mailboxes, where Graph denies it (403). */
export function createGraphMailboxSettingsReader(graph: GraphClient): MailboxSettingsReader {
  return {
    async workingHours(mailbox): Promise<MailboxWorkingHours | null> {
      let s: SettingsDto;
      try {
        s = await graph.call<SettingsDto>({
          method: "GET",
          path: `${mailboxPath(mailbox)}/mailboxSettings?$select=timeZone,workingHours`,
          scopes: GraphScopes.mailboxSettings,
        });
      } catch (e) {
        const cause = (e as MatterlineError).cause;
        if (cause instanceof GraphError && cause.statusCode === 403) return null;
        throw e;
      }
      const wh = s.workingHours ?? {};
      return {
        timeZone: wh.timeZone?.name ?? s.timeZone ?? "UTC",
        days: (wh.daysOfWeek ?? [])
          .map((d) => DAYS.indexOf(d.toLowerCase()) + 1)
          .filter((d) => d > 0)
          .sort(),
        start: (wh.startTime ?? "09:00").slice(0, 5),
        end: (wh.endTime ?? "17:00").slice(0, 5),
      };
    },
  };
}
