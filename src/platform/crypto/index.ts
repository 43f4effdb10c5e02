export { seal, unseal, SealError, KEY_BYTES } from './seal.js';
export { sealContact, unsealContact, type ContactDetails } from './contact.js';
export { loadContactKey, contactKeyProvider, ContactKeyError, CONTACT_KEY_FILE } from './key.js';
