// The test rig: real Dovecot, a real SMTP server and Chromium, each private to one test file.
export { freePort, freePorts, LOOPBACK } from './ports';
export { makeTempDir, removeTempDir, removeTempDirSync } from './temp-dir';
export { createCertificate, type Certificate } from './certificate';
export { startDovecot, type DovecotInstance, type DovecotOptions, type MailUser } from './dovecot';
export {
  startSmtpServer,
  type AcceptedMessage,
  type SmtpServerInstance,
  type SmtpServerOptions,
} from './smtp-server';
export { CHROMIUM_ARGS, chromiumExecutablePath, launchChromium } from './chromium';
export { startFaultProxy, type FaultProxy, type ResetTrigger } from './fault-proxy';
