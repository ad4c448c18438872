/**
 * A button that opens the file picker (a styled label around a hidden file input). The input is
 * cleared after each pick so choosing the same file again, after fixing it, imports it again.
 */
export function FileImportButton({ label, accept, onFile }: { label: string; accept: string; onFile: (file: File) => void }) {
  return (
    <label class="ew-button ew-file-button">
      {label}
      <input
        type="file"
        accept={accept}
        class="ew-visually-hidden"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          if (file) onFile(file);
          input.value = '';
        }}
      />
    </label>
  );
}
