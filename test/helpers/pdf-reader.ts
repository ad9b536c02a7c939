/**
 * Reads a PDF back the way a person's viewer would, with Debian's poppler-utils (`pdfinfo`,
 * `pdftotext`, `pdftoppm`; .ci/run installs them): its page count, its size and its text.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ReadPdf {
  pages: number;
  /** "612 x 792" (points) */
  pageSize: string;
  /**
   * the text in reading order, every run of white space (no-break spaces too) as one space (`-raw`,
   * the drawing order, would lose the spaces that kerning narrows, as in "Post: Your")
   */
  text: string;
  /** the text laid out as on the page (`pdftotext -layout`): a table's row is one line */
  layout: string;
}

/** Writes `pdf` into `dir` and reads it back. */
export function readPdf(pdf: Buffer, dir: string, name = "plan.pdf"): ReadPdf {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return readPdfFile(file);
}

export function readPdfFile(file: string): ReadPdf {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  const pageSize = /^Page size:\s+([\d.]+ x [\d.]+)/m.exec(info)?.[1] ?? "";
  const text = squash(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
  const layout = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  return { pages, pageSize, text, layout };
}

/** Every run of white space, no-break spaces included, as one space. */
export const squash = (s: string) => s.replace(/\s+/g, " ").trim();
