import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "../../api/http/attachment.js";
import {
  contentTypeOfName,
  normaliseContentType,
  sanitiseFileName,
  sniffContentType,
} from "../../api/modules/requests/documents/sniff.js";
import { LocalDiskStorage, newStorageKey } from "../../api/modules/requests/documents/storage.js";
import { sampleFile } from "../fixtures/requests.js";

const text = (s: string) => new TextEncoder().encode(s);

describe("sniffContentType", () => {
  it("recognises the sample PDF, PNG and JPEG by their magic bytes", () => {
    expect(sniffContentType(sampleFile("sample.pdf"))).toBe("application/pdf");
    expect(sniffContentType(sampleFile("sample.png"))).toBe("image/png");
    expect(sniffContentType(sampleFile("sample.jpg"))).toBe("image/jpeg");
  });

  it("refuses anything else, a PDF header not at byte 0, and truncated signatures", () => {
    expect(sniffContentType(text("<html>%PDF-1.7"))).toBeNull();
    expect(sniffContentType(text(" %PDF-1.7"))).toBeNull();
    expect(sniffContentType(text("%PDF"))).toBeNull();
    expect(sniffContentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffContentType(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffContentType(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toBeNull(); // GIF
    expect(sniffContentType(new Uint8Array(0))).toBeNull();
  });
});

describe("declared types and names", () => {
  it("normalises MIME types and knows the extensions", () => {
    expect(normaliseContentType("Application/PDF; charset=binary")).toBe("application/pdf");
    expect(normaliseContentType("image/jpg")).toBe("image/jpeg");
    expect(normaliseContentType("text/html")).toBeNull();
    expect(contentTypeOfName("SCAN.JPEG")).toBe("image/jpeg");
    expect(contentTypeOfName("a.pdf.exe")).toBeNull();
  });

  it("cleans file names: no directories, controls, bidi tricks or reserved characters", () => {
    expect(sanitiseFileName("../../etc/passwd.pdf", "application/pdf")).toBe("passwd.pdf");
    expect(sanitiseFileName("C:\\Users\\x\\عقد الإيجار.png", "image/png")).toBe("عقد الإيجار.png");
    expect(sanitiseFileName("invoice\u202efdp.exe.pdf", "application/pdf")).toBe(
      "invoicefdp.exe.pdf",
    );
    expect(sanitiseFileName('a"b<c>;d.pdf', "application/pdf")).toBe("a_b_c__d.pdf");
    expect(sanitiseFileName("...", "image/jpeg")).toBe("document.jpg");
    expect(sanitiseFileName("scan", "image/png")).toBe("scan.png");
    const long = sanitiseFileName(`${"م".repeat(300)}.pdf`, "application/pdf");
    expect(long).toHaveLength(150);
    expect(long.endsWith(".pdf")).toBe(true);
  });

  it("writes a Content-Disposition with an ASCII fallback and the UTF-8 name", () => {
    expect(attachmentDisposition("هوية.pdf")).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%D9%87%D9%88%D9%8A%D8%A9.pdf`,
    );
  });
});

describe("LocalDiskStorage", () => {
  it("puts, gets and deletes by key, leaving no temp file", async () => {
    const root = mkdtempSync(join(tmpdir(), "wasl-storage-"));
    const storage = new LocalDiskStorage(root);
    const key = newStorageKey(new Date("2026-11-25T10:00:00Z"));
    expect(key).toMatch(/^2026-11\/[0-9a-f-]{36}$/);
    await storage.put(key, text("محتوى"));
    expect(readFileSync(join(root, key), "utf8")).toBe("محتوى");
    expect(readdirSync(join(root, "2026-11"))).toEqual([key.split("/")[1]]);
    const stored = await storage.get(key);
    expect(stored?.size).toBe(text("محتوى").byteLength);
    stored?.stream.destroy();
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // removing a missing key is fine
  });

  it("refuses keys that are not its own", async () => {
    const storage = new LocalDiskStorage(mkdtempSync(join(tmpdir(), "wasl-storage-")));
    await expect(storage.get("../token-secret")).rejects.toThrow("invalid storage key");
    await expect(storage.put("2026-11/../../x", text("x"))).rejects.toThrow("invalid storage key");
  });
});
