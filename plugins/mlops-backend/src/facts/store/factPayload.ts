import zlib from 'node:zlib';

/**
 * Fact data as stored: canonical JSON compressed with raw DEFLATE and a preset dictionary.
 * A fact is ~100 bytes of JSON whose keys repeat on every row; DEFLATE alone barely helps
 * at that size, but primed with the schema's keys and usual values it halves a drift check
 * (118 → 53 bytes). The dictionary is part of the stored format: never change it in place —
 * a new dictionary needs a new format marker.
 */
const DICTIONARY = Buffer.from(
  [
    '{"aliases":["champion","challenger"],"breached":false,"breached":true,',
    '"commit":"","datasetFingerprint":"","environment":"production","environment":"staging",',
    '"evidence":{"ci":[".github/workflows/ci.yaml"],"container":["Dockerfile"],"modelCard":[],',
    '"monitoring":[],"pipeline":[],"tests":["tests/"]},"experiment":"","features":{},',
    '"files":[],"found":false,"imageDigest":"sha256:","metrics":{"accuracy":0.,"auc":0.,',
    '"f1":0.,"loss":0.,"rmse":0.},"model":"","modelVersion":"","params":{},"passed":true,',
    '"passed":false,"registry":"mlflow","runId":"","score":0.,"stage":"","statistic":"psi",',
    '"status":"success","status":"failure","status":"READY","suite":"","threshold":0.,',
    '"trigger":"schedule","trigger":"drift","url":"","version":"","workflow":""}',
  ].join(''),
);

export function encodeFactData(canonical: string): Buffer {
  return zlib.deflateRawSync(Buffer.from(canonical), {
    dictionary: DICTIONARY,
  });
}

export function decodeFactData(payload: Buffer | Uint8Array): string {
  return zlib
    .inflateRawSync(Buffer.from(payload), { dictionary: DICTIONARY })
    .toString('utf8');
}
