export { configureMail, mailSettings, mailStatusLine, type MailSettings } from './settings.js';
export { deliverMail, mailDeliverJob, smtpSender, type MailSender } from './deliver.js';
