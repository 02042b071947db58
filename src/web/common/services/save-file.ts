// A file the API answers as base64 (exports, the attendee template, the groups workbook), saved
// by the browser under the name the server chose. One way for the tab and the add-in.

export interface Base64File {
  readonly fileName: string;
  readonly contentType: string;
  readonly contentBase64: string;
}

export function saveFile(file: Base64File): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  // In the document while it is clicked, and the URL kept a while: some browsers start the
  // download only after the click has returned.
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
