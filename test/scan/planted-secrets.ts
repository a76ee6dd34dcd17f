/**
 * FAKE secrets planted in test/fixtures/repos/secrets-and-broken. None is real; each has the
 * shape of one secret kind the redactor must catch. Tests assert none reaches any output.
 */
export const PLANTED_SECRETS = {
  awsAccessKey: "AKIAZX3QW7RT2YB8LK4P",
  awsSessionKey: "ASIAQ7WERTY2UIOP3LKJ",
  awsSecretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzX9q8Lk2Tr",
  githubPat: "ghp_Fk3T0k3nV4lu3F0rT3st1ngAbCdEfGh1234",
  githubOauth: "gho_Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa",
  githubFineGrained: "github_pat_11AFAKEFAKE0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU",
  gitlab: "glpat-Xy7Zq9Wv3Ts5Rp1Nm8Kb",
  slack: "xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
  stripeLive: "sk_live_51FakeKeyAbCdEfGhIjKlMnOp",
  stripeRestricted: "rk_live_51FakeKeyQrStUvWxYz012345",
  stripeTest: "sk_test_51FakeKeyZyXwVuTsRqPoNmLk",
  openai: "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zQ7",
  openaiLegacy: "sk-Qw3rTy7uIo9pAs2dFg5hJk8lZx1cVb4nM6",
  anthropic: "sk-ant-api03-Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Ji0Hg-AbCdEf",
  pemBody: "MIIEowIBAAKCAQEAfakefakefakeFAKEFAKE0123456789abcdefPLANTED",
  urlPassword: "Sup3rS3cretPw",
  jwt: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkZha2UifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
  highEntropy: "Zq8vN3xL0pR7tY2wK5mB9cF4hJ6gD1sAe",
  k8sSecretData: "cGxhbnRlZC1rOHMtc2VjcmV0LXZhbHVl",
  k8sStringData: "planted-k8s-string-Data-9f8e7d",
  tfvarsValue: "tfvars-Planted-Value-4c3b2a19",
  envPassword: "env-Planted-Passw0rd-77aa",
  scriptToken: "script-Planted-T0ken-31bd",
} as const;
