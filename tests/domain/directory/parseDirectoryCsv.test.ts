import { describe, expect, it } from "vitest";
import { parseDirectoryCsv } from "@domain/directory/parseDirectoryCsv";
import { MatterlineError } from "@domain/errors";
import { testDirectory } from "./fixtures";

const base = testDirectory();

describe("parseDirectoryCsv", () => {
  it("tolerates a BOM, CRLF, header case, extra columns and quoted commas and newlines", () => {
    const clients =
      '\uFEFFID,Name,Domains,Notes\r\nk1,"Tidewell Foods, Inc",tidewell.test;tidewell-foods.test,"multi\r\nline note"\r\nk2,Percy Lindqvist,,\r\n';
    const contacts = 'clientId,NAME,Email\r\nk1,"Ramos, Ivy",IVY@tidewell.test\r\nk2,Percy,percy.l@gmail.test\r\n';
    const matters =
      "id,number,clientId,title,status,responsible,team,keywords,aliases,opposingName,opposingDomains,opposingEmails,slaHours\n" +
      'x1,2026-0101,k1,"Trademark opposition, CRUNCHO",Open,p1,p2,trademark;TTAB,RA/0101,Snackwave Brands Inc,hollisfarr.test,dee@hollisfarr.test,12\n' +
      "x4,2026-0110,k2,Estate,closed,p1,,,,,,,\n";
    const dir = parseDirectoryCsv({ clients, contacts, matters }, base);
    expect(dir.clients[0]).toMatchObject({ id: "k1", name: "Tidewell Foods, Inc", domains: ["tidewell.test", "tidewell-foods.test"] });
    expect(dir.clients[0].contacts).toEqual([{ name: "Ramos, Ivy", email: "ivy@tidewell.test" }]);
    expect(dir.matters[0]).toMatchObject({
      title: "Trademark opposition, CRUNCHO",
      status: "open",
      team: ["p2"],
      keywords: ["trademark", "TTAB"],
      slaHours: 12,
    });
    expect(dir.matters[0].opposing?.[0]).toEqual({
      name: "Snackwave Brands Inc",
      domains: ["hollisfarr.test"],
      emails: ["dee@hollisfarr.test"],
    });
    expect(dir.matters[1].slaHours).toBeUndefined();
  });

  it("reports every problem by file and line, and imports nothing", () => {
    const clients = 'id,name,domains\nk1,Tidewell,tidewell.test\n"k1","Two\nLines",\nk3,Bad Domain,not a domain\n';
    const contacts = "clientId,name,email\nk1,Ivy,ivy@tidewell.test\nk7,Ghost,ghost@x.test\nk1,Broken,broken-at-nowhere\n";
    const matters = "id,number,clientId,title,status,responsible\nx1,2026-0101,k1,T,open,p1\nx2,2026-0102,k404,T,pending,p9\n";
    try {
      parseDirectoryCsv({ clients, contacts, matters }, base);
      throw new Error("expected rejection");
    } catch (e) {
      expect(e).toBeInstanceOf(MatterlineError);
      const d = (e as MatterlineError).details.join("\n");
      expect(d).toMatch(/contacts\.csv line 3: clientId "k7" names no client/);
      expect(d).toMatch(/contacts\.csv line 4: "broken-at-nowhere" is not a valid email/);
      expect(d).toMatch(/clients.csv line 3: duplicate id/);
      expect(d).toMatch(/clients\.csv line 5.*not a domain/);
      expect(d).toMatch(/matters\.csv line 3: "clientId" "k404" names no client/);
      expect(d).toMatch(/matters\.csv line 3: "status"/);
      expect(d).toMatch(/matters\.csv line 3: "responsible" "p9"/);
    }
  });

  it("reads a client's reply deadline from clients.csv and reports a bad one by file and line", () => {
    const contacts = "clientId,email\nk1,ivy@tidewell.test\n";
    const matters = "id,number,clientId,title,status,responsible\nx1,2026-0101,k1,T,open,p1\n";
    const dir = parseDirectoryCsv({ clients: "id,name,slaHours\nk1,Tidewell,6\nk2,Percy,\n", contacts, matters }, base);
    expect(dir.clients[0].slaHours).toBe(6);
    expect(dir.clients[1]).not.toHaveProperty("slaHours");
    try {
      parseDirectoryCsv({ clients: "id,name,slaHours\nk1,Tidewell,soon\nk2,Percy,0\n", contacts, matters }, base);
      throw new Error("expected rejection");
    } catch (e) {
      expect(e).toBeInstanceOf(MatterlineError);
      const d = (e as MatterlineError).details.join("\n");
      expect(d).toMatch(/clients\.csv line 2: "slaHours" must be a positive number/);
      expect(d).toMatch(/clients\.csv line 3: "slaHours" must be a positive number/);
    }
  });

  it("reports a missing required column", () => {
    expect(() => parseDirectoryCsv({ clients: "id\nk1\n", contacts: "clientId,email\n", matters: "id\n" }, base)).toThrow(MatterlineError);
    try {
      parseDirectoryCsv({ clients: "id\nk1\n", contacts: "clientId,email\n", matters: "id\n" }, base);
    } catch (e) {
      const d = (e as MatterlineError).details.join("\n");
      expect(d).toMatch(/clients\.csv line 1: missing column "name"/);
      expect(d).toMatch(/matters\.csv line 1: missing column "number"/);
    }
  });
});
