/// <reference lib="webworker" />
import { expose } from 'comlink';
import { createSession } from './session';

// The worker has no logic of its own: it exposes the engine session (DESIGN.md).
expose(createSession());
