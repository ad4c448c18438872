import type { FileDownloads } from '../../components/options/options-services';

/** Saves text as a file through a temporary object URL (no downloads permission needed). */
export const browserDownloads: FileDownloads = {
  download(filename, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  },
};
