// Slot 2 of the hidden suite (see slots.ts); generated, all alike.
import { serveSlot } from '../serveSlot.ts';

await serveSlot(2);
