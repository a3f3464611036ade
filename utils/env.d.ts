interface ImportMetaEnv {
  /** '1' in the e2e build (contract.md: host access to 127.0.0.1 and localhost). */
  readonly RONGHE_E2E: string;
}
