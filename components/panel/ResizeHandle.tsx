// The panel's left edge: drag or use the arrow keys to change its width (280–720 px, remembered).
import { useRef } from 'preact/hooks';
import { clampWidth, MAX_WIDTH, MIN_WIDTH } from './host-bridge';
import { t } from './text';

interface Props {
  width: number;
  onResize(width: number): void;
  onCommit(width: number): void;
}

const STEP = 20;

export function ResizeHandle({ width, onResize, onCommit }: Props) {
  const drag = useRef<{ x: number; width: number; last: number } | null>(null);
  return (
    <div
      class="resizer"
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={t('panel_resize')}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuenow={width}
      onPointerDown={(e) => {
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
        drag.current = { x: e.screenX, width, last: width };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        // Screen coordinates: the frame itself moves as it grows leftwards.
        d.last = clampWidth(d.width + (d.x - e.screenX));
        onResize(d.last);
      }}
      onPointerUp={() => {
        const d = drag.current;
        drag.current = null;
        if (d && d.last !== d.width) onCommit(d.last);
      }}
      onKeyDown={(e) => {
        const delta = e.key === 'ArrowLeft' ? STEP : e.key === 'ArrowRight' ? -STEP : 0;
        if (!delta) return;
        e.preventDefault();
        const next = clampWidth(width + delta);
        onResize(next);
        onCommit(next);
      }}
    />
  );
}
