export { notify, type NotificationMessage } from './notify.js';
export { listNotifications, readAllNotifications, readNotification } from './inbox.js';
export { loadPreferences, savePreferences } from './preferences.js';
