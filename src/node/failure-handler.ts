/**
 * Imported first by every script in scripts/: installs the handler for
 * failures nothing else caught (./failure.ts) before any other module loads,
 * so that even an error while loading one is reported in a line, with exit
 * code 3, and not as a stack trace.
 */
import { installFailureHandler } from './failure.ts';

installFailureHandler();
