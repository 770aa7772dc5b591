import type { Rule } from './rule';
import { rule as stPi } from './plugin-st-pi';
import { rule as stAPi } from './plugin-st-a-pi';
import { rule as solmanRelease } from './solman-release';
import { rule as frunRelease } from './frun-release';
import { rule as tlsCiphersuites } from './tls-ciphersuites';
import { rule as sslCertificates } from './ssl-certificates';
import { rule as saprouterCheck } from './saprouter-check';

/** Rules of this group (software levels, TLS, certificates, SAProuter), in the order of the guide. */
export const SOFTWARE_RULES: readonly Rule[] = Object.freeze([
  stPi, // 2.1.1.1, 2.1.1.2
  stAPi, // 2.1.1.3
  solmanRelease, // 2.1.2, 5
  frunRelease, // 2.1.3, 6.2
  tlsCiphersuites, // 2.2.1
  sslCertificates, // 2.2.2
  saprouterCheck, // 4.2
]);
