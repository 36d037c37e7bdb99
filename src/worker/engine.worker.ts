/// <reference lib="webworker" />
import { expose } from 'comlink';
import highsWasmUrl from 'highs/runtime?url';
import { createSession } from './session';
import { createSitingSession } from './siting-session';

// The worker has no logic of its own: it exposes the engine session and its siting part (docs/architecture.md).
// HiGHS' wasm is bundled by Vite (`?url`), so the exact solver works offline.
const s = createSession();
expose({ ...s, ...createSitingSession(s, { highsLocateFile: () => highsWasmUrl }) });
