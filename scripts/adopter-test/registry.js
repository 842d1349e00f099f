#!/usr/bin/env node
// A read-only npm registry for the adopter test: serves the tarballs in one folder as if they
// were published, so the README's `yarn add @landing-zone/...` lines run unchanged against
// them. Only the @landing-zone scope is pointed here; everything else comes from the real
// registry. Usage: node registry.js <tarball dir> <port file>  (listens on a free port and
// writes it to <port file>).
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const [dir, portFile] = process.argv.slice(2);
const packages = new Map();
for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.tgz'))) {
  const tarball = path.join(dir, file);
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const bytes = fs.readFileSync(tarball);
  packages.set(manifest.name, { manifest, file, bytes });
}

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url.split('?')[0]);
  const base = `http://127.0.0.1:${server.address().port}`;
  const tarball = /^\/-\/(.+\.tgz)$/.exec(url);
  if (tarball) {
    const entry = [...packages.values()].find(p => p.file === tarball[1]);
    if (!entry) return notFound(res, url);
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    return res.end(entry.bytes);
  }
  const entry = packages.get(url.slice(1));
  if (!entry) return notFound(res, url);
  const { manifest, file, bytes } = entry;
  const published = fs.statSync(path.join(dir, file)).mtime.toISOString();
  const packument = {
    name: manifest.name,
    'dist-tags': { latest: manifest.version },
    time: {
      created: published,
      modified: published,
      [manifest.version]: published,
    },
    versions: {
      [manifest.version]: {
        ...manifest,
        dist: {
          tarball: `${base}/-/${encodeURIComponent(file)}`,
          shasum: crypto.createHash('sha1').update(bytes).digest('hex'),
          integrity: `sha512-${crypto
            .createHash('sha512')
            .update(bytes)
            .digest('base64')}`,
        },
      },
    },
  };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(packument));
});

function notFound(res, url) {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: `not found: ${url}` }));
}

server.listen(0, '127.0.0.1', () => {
  fs.writeFileSync(portFile, String(server.address().port));
  console.error(
    `[adopter-test] registry for ${[...packages.keys()].join(', ')} on port ${
      server.address().port
    }`,
  );
});
