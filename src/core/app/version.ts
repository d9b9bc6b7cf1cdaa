import pkg from '../../../package.json' with { type: 'json' };

/** The desk's version, from package.json, so About and logs agree with the packaged build. */
export const APP_VERSION: string = pkg.version;
