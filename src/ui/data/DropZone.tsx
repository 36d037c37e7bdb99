/**
 * A drop zone with a "choose files" button: the files dropped on it or chosen go to `onFiles`.
 * Highlights while files are dragged over it; the input is cleared after each choice so the same
 * file can be chosen again.
 */
import { useState, type DragEvent } from 'react';

export interface DropZoneProps {
  /** `data-testid` of the zone (files are dropped here). */
  testId: string;
  /** `data-testid` of the `<input type="file">`. */
  inputTestId: string;
  /** Text before the button, e.g. "Drop a file here or". */
  prompt: string;
  /** The button's text (also the input's accessible name unless `ariaLabel` is given). */
  choose: string;
  /** The input's `accept` list. */
  accept: string;
  /** Whether several files may be chosen at once. */
  multiple?: boolean;
  disabled?: boolean;
  ariaLabel?: string;
  /** Called with the dropped or chosen files (never with an empty list). */
  onFiles: (files: File[]) => void;
}

export function DropZone({ testId, inputTestId, prompt, choose, accept, multiple = false, disabled = false, ariaLabel, onFiles }: DropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files);
  };
  return (
    <div
      className={`drop-zone${dragging ? ' dragging' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <span>{prompt}</span>
      <label className="file-button">
        {choose}
        <input
          type="file"
          multiple={multiple}
          accept={accept}
          disabled={disabled}
          data-testid={inputTestId}
          aria-label={ariaLabel ?? choose}
          onChange={(e) => {
            take(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
    </div>
  );
}
