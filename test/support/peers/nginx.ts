import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { get } from 'node:http'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface NginxOptions {
  /** Folder served at `/` (and under `/slow/`, `/norange/`, `/flaky/`). */
  root: string
  /** nginx `limit_rate` for `/slow/`, e.g. `1m` or `512k`. Default `1m`. */
  rateLimit?: string
}

/** One access-log line: which connection served which request, and how many body bytes. */
export interface AccessEntry {
  connection: number
  status: number
  bodyBytes: number
  uri: string
  range: string
}

export interface Nginx {
  port: number
  url: string
  accessLog(): Promise<AccessEntry[]>
  stop(): Promise<void>
}

const READY_TIMEOUT_MS = 10_000

/**
 * Starts Debian's nginx on 127.0.0.1 and a free port, with its config, pid and logs in a
 * temporary folder. Locations: `/` static (Range), `/slow/` (limit_rate), `/norange/`
 * (max_ranges 0), `/flaky/` (about 15 % 429 and 15 % 503, with `Retry-After: 1`),
 * `/redirect/X` (302 to `/X`). Resolves once it answers; `stop()` ends it by its own PID.
 */
export async function startNginx(options: NginxOptions): Promise<Nginx> {
  const state = await mkdtemp(join(tmpdir(), 'catalogsync-nginx-'))
  await mkdir(join(state, 'tmp'))
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort()
    await writeFile(join(state, 'nginx.conf'), config(state, port, options))
    const child = spawn(
      'nginx',
      ['-p', state, '-c', join(state, 'nginx.conf'), '-e', join(state, 'error.log')],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    const url = `http://127.0.0.1:${port}`
    try {
      await waitUntilAnswering(url, child, state)
      return running(child, port, url, state)
    } catch (error) {
      await stopChild(child)
      // Another process may have taken the port between our probe and nginx's bind.
      if (attempt >= 3) {
        await rm(state, { recursive: true, force: true })
        throw error
      }
    }
  }
}

function running(child: ChildProcess, port: number, url: string, state: string): Nginx {
  const killOnExit = (): void => void child.kill('SIGKILL')
  process.once('exit', killOnExit)
  return {
    port,
    url,
    accessLog: async () => parseAccessLog(await readFile(join(state, 'access.log'), 'utf8')),
    async stop() {
      process.removeListener('exit', killOnExit)
      await stopChild(child)
      await rm(state, { recursive: true, force: true })
    },
  }
}

function config(state: string, port: number, { root, rateLimit = '1m' }: NginxOptions): string {
  const runAsRoot = process.getuid?.() === 0 ? 'user root root;' : ''
  const temp = (name: string): string => `${name}_temp_path ${join(state, 'tmp', name)};`
  return `${runAsRoot}
daemon off;
worker_processes 1;
pid ${join(state, 'nginx.pid')};
error_log ${join(state, 'error.log')} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  types { audio/flac flac; }
  default_type application/octet-stream;
  log_format peers '$connection $status $body_bytes_sent "$request_uri" "$http_range"';
  access_log ${join(state, 'access.log')} peers;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  sendfile on;
  keepalive_requests 10000;
  split_clients "\${request_id}" $flaky_status { 15% 503; 15% 429; * ok; }
  map $status $retry_after { 429 1; 503 1; default ""; }
  server {
    listen 127.0.0.1:${port} sndbuf=64k;
    root ${root};
    location / { autoindex on; }
    location /slow/ { alias ${root}/; limit_rate ${rateLimit}; }
    location /norange/ { alias ${root}/; max_ranges 0; }
    location /flaky/ {
      alias ${root}/;
      add_header Retry-After $retry_after always;
      if ($flaky_status = 503) { return 503; }
      if ($flaky_status = 429) { return 429; }
    }
    location ~ ^/redirect/(.*)$ { return 302 /$1; }
  }
}
`
}

function parseAccessLog(text: string): AccessEntry[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const match = /^(\d+) (\d+) (\d+) "([^"]*)" "([^"]*)"$/.exec(line)
      if (!match) throw new Error(`unexpected access log line: ${line}`)
      const [, connection, status, bodyBytes, uri = '', range = ''] = match
      return {
        connection: Number(connection),
        status: Number(status),
        bodyBytes: Number(bodyBytes),
        uri,
        range: range === '-' ? '' : range,
      }
    })
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/** Polls until nginx answers; fails at once when it exits, with its error log. */
async function waitUntilAnswering(url: string, child: ChildProcess, state: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = await readFile(join(state, 'error.log'), 'utf8').catch(() => '')
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}): ${log.trim()}`)
    }
    if (await answers(url)) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`nginx did not answer on ${url} within ${READY_TIMEOUT_MS} ms`)
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(`${url}/`, { agent: false, timeout: 1000 }, (response) => {
      response.resume()
      resolve(true)
    })
    request.on('error', () => resolve(false))
    request.on('timeout', () => request.destroy())
  })
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}
