import { beforeAll, describe, expect, it } from 'vitest';
import type { Chunk } from '../../domain/types.js';
import { countTokens } from '../../text/tokens.js';
import { CodeChunker } from './code.js';

let chunker: CodeChunker;

beforeAll(async () => {
  chunker = await CodeChunker.create();
});

async function chunkCode(language: string | undefined, text: string, maxTokens: number, overlapLines = 2) {
  const lineCount = text.split('\n').length;
  return chunker.chunk(
    {
      title: 'fixture',
      kind: 'code',
      ...(language === undefined ? {} : { language }),
      sections: [{ headingPath: [], text, startLine: 1, endLine: lineCount }],
    },
    { maxTokens, overlapLines },
  );
}

/** `symbol startLine-endLine` for each chunk: the shape tests compare. */
function outlineOf(chunks: Chunk[]): string[] {
  return chunks.map((chunk) => `${chunk.symbol ?? '-'} ${chunk.startLine}-${chunk.endLine}`);
}

/** The invariants every chunking keeps: text matches its lines, sizes are honest, no non-blank line is lost. */
function expectWellFormed(chunks: Chunk[], text: string, maxTokens: number): void {
  const lines = text.split('\n');
  const covered = new Set<number>();
  chunks.forEach((chunk, index) => {
    expect(chunk.index).toBe(index);
    expect(chunk.tokens).toBe(countTokens(chunk.text));
    expect(chunk.tokens).toBeLessThanOrEqual(maxTokens);
    const start = chunk.startLine ?? 0;
    const end = chunk.endLine ?? 0;
    expect(start).toBeGreaterThanOrEqual(1);
    expect(end).toBeGreaterThanOrEqual(start);
    expect(chunk.text).toBe(lines.slice(start - 1, end).join('\n'));
    for (let line = start; line <= end; line++) covered.add(line);
  });
  const lost = lines.flatMap((line, row) => (line.trim() !== '' && !covered.has(row + 1) ? [row + 1] : []));
  expect(lost).toEqual([]);
}

const TYPESCRIPT = `import { EventEmitter } from 'node:events';
import type { Job } from './job.js';

/** Runs jobs from a queue, one at a time. */
export class Worker extends EventEmitter {
  private running = false;

  constructor(private readonly queue: Job[]) {
    super();
  }

  /** Takes the next job and runs it, emitting 'done' with its result. */
  async run(): Promise<void> {
    this.running = true;
    while (this.running && this.queue.length > 0) {
      const job = this.queue.shift();
      if (job) this.emit('done', await job.execute());
    }
  }

  stop(): void {
    this.running = false;
  }
}

/** Signs a payload with a secret using HMAC-SHA256 and returns the hex digest. */
export function sign(payload: string, secret: string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(payload);
  return hmac.digest('hex');
}

export interface WorkerOptions {
  concurrency: number;
  autorun?: boolean;
  name: string;
}`;

describe('CodeChunker on TypeScript', () => {
  it('splits a class too large for one chunk into its methods, with their doc comments', async () => {
    const chunks = await chunkCode('typescript', TYPESCRIPT, 100);
    expect(outlineOf(chunks)).toEqual([
      '- 1-2',
      'Worker.constructor 4-10',
      'Worker.run 12-19',
      'Worker.stop 21-24',
      'sign 26-31',
      'WorkerOptions 33-37',
    ]);
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([
      [],
      ['class Worker'],
      ['class Worker'],
      ['class Worker'],
      [],
      [],
    ]);
    expect(chunks[2]?.text).toMatch(/^ {2}\/\*\* Takes the next job/);
    expectWellFormed(chunks, TYPESCRIPT, 100);
  });

  it('keeps whole declarations when they fit, and packs small neighbours together', async () => {
    const chunks = await chunkCode('typescript', TYPESCRIPT, 320);
    expect(outlineOf(chunks)).toEqual(['Worker 1-24', 'sign, WorkerOptions 26-37']);
    expectWellFormed(chunks, TYPESCRIPT, 320);
  });

  it('names members of ambient modules and namespaces by their qualified names', async () => {
    const text = `declare module 'stripe' {
  namespace Stripe {
    interface Customer {
      id: string;
      email: string | null;
    }

    class CustomersResource {
      create(params: CustomerCreateParams): Promise<Customer>;
      retrieve(id: string): Promise<Customer>;
    }
  }
}`;
    const chunks = await chunkCode('typescript', text, 40);
    expect(outlineOf(chunks)).toEqual([
      'Stripe.Customer 1-6',
      'Stripe.CustomersResource.create 8-9',
      'Stripe.CustomersResource.retrieve 10-13',
    ]);
    expect(chunks[0]?.headingPath).toEqual(["module 'stripe'", 'namespace Stripe']);
    expect(chunks[1]?.headingPath).toEqual([
      "module 'stripe'",
      'namespace Stripe',
      'class CustomersResource',
    ]);
    expectWellFormed(chunks, text, 40);
  });
});

describe('CodeChunker on JavaScript', () => {
  it('names a CommonJS export by its function name', async () => {
    const text = `'use strict';
var timespan = require('./lib/timespan');
var jws = require('jws');

/**
 * Signs a payload and returns a JSON Web Token.
 */
module.exports = function sign(payload, secretOrPrivateKey, options, callback) {
  options = options || {};
  var header = Object.assign({ alg: options.algorithm || 'HS256', typ: 'JWT' }, options.header);
  var timestamp = payload.iat || Math.floor(Date.now() / 1000);
  return jws.sign({ header: header, payload: payload, secret: secretOrPrivateKey });
};`;
    const chunks = await chunkCode('javascript', text, 320);
    expect(outlineOf(chunks)).toEqual(['sign 1-13']);
    expectWellFormed(chunks, text, 320);
  });

  it('names prototype assignments like express response methods', async () => {
    const text = `var res = Object.create(http.ServerResponse.prototype);

module.exports = res;

/**
 * Set status 'code'.
 *
 * @param {Number} code
 * @return {ServerResponse}
 * @public
 */

res.status = function status(code) {
  this.statusCode = code;
  return this;
};

/**
 * Redirect to the given 'url' with optional response 'status'
 * defaulting to 302.
 *
 * @public
 */

res.redirect = function redirect(url) {
  var address = url;
  var status = 302;
  if (arguments.length === 2) {
    status = arguments[0];
    address = arguments[1];
  }
  address = this.location(address).get('Location');
  this.statusCode = status;
  this.set('Content-Length', Buffer.byteLength(body));
};

Foo.prototype.bar = function () {
  return 'bar';
};`;
    const chunks = await chunkCode('javascript', text, 160);
    expect(outlineOf(chunks)).toEqual(['res.status 1-16', 'res.redirect 18-35', 'Foo.bar 37-39']);
    expectWellFormed(chunks, text, 160);
  });
});

describe('CodeChunker on Python', () => {
  const text = `import functools
from typing import Callable


def retry(times: int) -> Callable:
    """Retries the decorated function up to 'times' times."""
    def wrap(function):
        @functools.wraps(function)
        def inner(*args, **kwargs):
            for attempt in range(times):
                try:
                    return function(*args, **kwargs)
                except Exception:
                    if attempt == times - 1:
                        raise
        return inner
    return wrap


class Scheduler:
    """Keeps tasks and runs those that are due."""

    interval = 60

    def __init__(self, clock):
        self.clock = clock
        self.tasks = []

    @retry(3)
    def run_due(self):
        now = self.clock.now()
        for task in self.tasks:
            if task.due <= now:
                task.run()

    @staticmethod
    def parse(text: str) -> "Scheduler":
        return Scheduler(clock=None)`;

  it('names functions, classes and decorated methods, with docstrings and decorators in their chunks', async () => {
    const chunks = await chunkCode('python', text, 60);
    expect(outlineOf(chunks)).toEqual([
      '- 1-2',
      'retry 5-6',
      'retry.wrap 7-7',
      'retry.wrap.inner 8-15',
      'retry.wrap 16-17',
      'Scheduler.__init__ 20-27',
      'Scheduler.run_due 29-34',
      'Scheduler.parse 36-38',
    ]);
    expect(chunks[5]?.text).toContain('"""Keeps tasks');
    expect(chunks[6]?.text.startsWith('    @retry(3)')).toBe(true);
    expect(chunks[6]?.headingPath).toEqual(['class Scheduler']);
    expect(chunks[3]?.headingPath).toEqual(['function retry', 'function wrap']);
    expectWellFormed(chunks, text, 60);
  });
});

describe('CodeChunker on Java, Go, C#, PHP and Ruby', () => {
  it('splits a Java class into its constructor and methods', async () => {
    const text = `package com.example.billing;

import java.math.BigDecimal;
import java.util.List;

/** An invoice with its lines and total. */
public class Invoice {
    private final List<Line> lines;

    public Invoice(List<Line> lines) {
        this.lines = lines;
    }

    /** Sums the amounts of all lines. */
    public BigDecimal total() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Line line : lines) {
            sum = sum.add(line.amount());
        }
        return sum;
    }

    @Override
    public String toString() {
        return "Invoice(" + lines.size() + " lines, total " + total() + ")";
    }
}`;
    const chunks = await chunkCode('java', text, 80);
    expect(outlineOf(chunks)).toEqual([
      '- 1-4',
      'Invoice.Invoice 6-12',
      'Invoice.total 14-21',
      'Invoice.toString 23-27',
    ]);
    expectWellFormed(chunks, text, 80);
  });

  it('names Go methods by their receiver type', async () => {
    const text = `package server

import (
	"fmt"
	"net/http"
)

// Server answers HTTP requests for one site.
type Server struct {
	Address string
	Handler http.Handler
}

// Start listens on the server's address until it fails.
func (s *Server) Start() error {
	fmt.Printf("listening on %s\\n", s.Address)
	return http.ListenAndServe(s.Address, s.Handler)
}

// New makes a server for an address.
func New(address string) *Server {
	return &Server{Address: address, Handler: http.NewServeMux()}
}`;
    const chunks = await chunkCode('go', text, 80);
    expect(outlineOf(chunks)).toEqual(['Server 1-12', 'Server.Start 14-18', 'New 20-23']);
    expectWellFormed(chunks, text, 80);
  });

  it('qualifies C# members by namespace and class', async () => {
    const text = `using System;
using System.Collections.Generic;

namespace Shop.Orders
{
    /// <summary>A shopping cart.</summary>
    public class Cart
    {
        private readonly List<decimal> prices = new List<decimal>();

        public void Add(decimal price)
        {
            if (price < 0) throw new ArgumentException("negative price");
            prices.Add(price);
        }

        public decimal Total()
        {
            decimal sum = 0;
            foreach (var price in prices) sum += price;
            return sum;
        }
    }
}`;
    const chunks = await chunkCode('csharp', text, 70);
    expect(outlineOf(chunks)).toEqual([
      '- 1-2',
      'Shop.Orders.Cart 4-9',
      'Shop.Orders.Cart.Add 11-15',
      'Shop.Orders.Cart.Total 17-24',
    ]);
    expect(chunks[2]?.headingPath).toEqual(['namespace Shop.Orders', 'class Cart']);
    expectWellFormed(chunks, text, 70);
  });

  it('splits a PHP class into methods and keeps a top-level function apart', async () => {
    const text = `<?php

namespace App\\Mail;

use App\\Models\\User;

/**
 * Sends mail to users.
 */
class Mailer
{
    private $transport;

    public function __construct($transport)
    {
        $this->transport = $transport;
    }

    public function send(User $user, string $subject, string $body): bool
    {
        $message = $this->transport->createMessage($user->email, $subject);
        $message->setBody($body);
        return $this->transport->deliver($message);
    }
}

function mailer_version(): string
{
    return '1.0';
}`;
    const chunks = await chunkCode('php', text, 100);
    expect(outlineOf(chunks)).toEqual([
      'App\\Mail 1-5',
      'Mailer.__construct 7-17',
      'Mailer.send 19-25',
      'mailer_version 27-30',
    ]);
    expectWellFormed(chunks, text, 100);
  });

  it('names Ruby methods, singleton methods and modules', async () => {
    const text = `require 'bigdecimal'

# A bank account with a balance.
class Account
  attr_reader :balance

  def initialize(owner)
    @owner = owner
    @balance = BigDecimal('0')
  end

  def deposit(amount)
    raise ArgumentError, 'amount must be positive' unless amount.positive?
    @balance += amount
  end

  def self.open(owner)
    new(owner)
  end
end

module Banking
  def self.transfer(from, to, amount)
    from.withdraw(amount)
    to.deposit(amount)
  end
end`;
    const chunks = await chunkCode('ruby', text, 40);
    expect(outlineOf(chunks)).toEqual([
      '- 1-1',
      'Account 3-5',
      'Account.initialize 7-10',
      'Account.deposit 12-15',
      'Account.open 17-20',
      'Banking 22-27',
    ]);
    expectWellFormed(chunks, text, 40);
  });
});

describe('CodeChunker on other grammars', () => {
  const cases: Array<{ language: string; maxTokens: number; text: string; expected: string[] }> = [
    {
      language: 'rust',
      maxTokens: 40,
      text: `use std::fmt;

/// A point on a plane.
pub struct Point {
    x: i32,
    y: i32,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

pub fn origin() -> Point {
    Point { x: 0, y: 0 }
}`,
      expected: ['Point 1-7', 'Point.fmt 9-10', 'Point.fmt 11-13', 'origin 15-17'],
    },
    {
      language: 'kotlin',
      maxTokens: 40,
      text: `package shop

class Cart(private val prices: MutableList<Int>) {
    fun add(price: Int) {
        require(price >= 0) { "negative price" }
        prices.add(price)
    }
}

fun emptyCart(): Cart = Cart(mutableListOf())`,
      expected: ['Cart 1-3', 'Cart.add 4-8', 'emptyCart 10-10'],
    },
    {
      language: 'c',
      maxTokens: 70,
      text: `#include <stdlib.h>

struct buffer {
    char *data;
    size_t length;
};

static struct buffer *buffer_new(size_t length) {
    struct buffer *buffer = malloc(sizeof *buffer);
    buffer->data = calloc(length, 1);
    buffer->length = length;
    return buffer;
}`,
      expected: ['buffer 1-6', 'buffer_new 8-13'],
    },
    {
      language: 'elixir',
      maxTokens: 45,
      text: `defmodule Shop.Cart do
  @moduledoc "A shopping cart."

  def new, do: %{items: [], total: 0}

  def add(cart, price) when price >= 0 do
    %{cart | items: [price | cart.items], total: cart.total + price}
  end
end`,
      expected: ['Shop.Cart.new 1-4', 'Shop.Cart.add 6-9'],
    },
    {
      language: 'shell',
      maxTokens: 30,
      text: `#!/usr/bin/env bash
set -euo pipefail

build() {
  npm ci
  npm run build -- --mode production
}

deploy() {
  rsync -a dist/ "$TARGET_HOST:/srv/app/"
}`,
      expected: ['- 1-2', 'build 4-7', 'deploy 9-11'],
    },
  ];

  for (const { language, maxTokens, text, expected } of cases) {
    it(`names ${language} declarations`, async () => {
      const chunks = await chunkCode(language, text, maxTokens);
      expect(outlineOf(chunks)).toEqual(expected);
      expectWellFormed(chunks, text, maxTokens);
    });
  }
});

describe('CodeChunker on what does not split cleanly', () => {
  it('cuts a huge function into pieces no larger than maxTokens that cover all its lines', async () => {
    const body = Array.from(
      { length: 400 },
      (_, index) => `  const value${index} = compute(${index}, options.factor * ${index}, 'label ${index}');`,
    );
    const text = ['export function huge(options) {', ...body, '  return value0;', '}'].join('\n');
    const chunks = await chunkCode('typescript', text, 120);
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.every((chunk) => chunk.symbol === 'huge')).toBe(true);
    expect(chunks[0]?.startLine).toBe(1);
    expect(chunks.at(-1)?.endLine).toBe(403);
    expectWellFormed(chunks, text, 120);
  });

  it('falls back to line windows inside a declaration with no members to split into', async () => {
    const rows = Array.from({ length: 200 }, (_, index) => `  'entry number ${index} of the table',`);
    const text = ['const TABLE = [', ...rows, '].join();'].join('\n');
    const chunks = await chunkCode('javascript', text, 100, 2);
    expect(chunks.length).toBeGreaterThan(5);
    expectWellFormed(chunks, text, 100);
  });

  it('still chunks a file with syntax errors, covering every line', async () => {
    const text = `export class Broken {
  method( {
    if (x > ) {
      return [1, 2,
  }

function afterwards(a, b) {
  return a + b;
}
const = ;
`;
    const chunks = await chunkCode('typescript', text, 40);
    expect(chunks.length).toBeGreaterThan(0);
    expectWellFormed(chunks, text, 40);
  });

  it('cuts a minified line into pieces of at most maxTokens', async () => {
    const text = Array.from({ length: 300 }, (_, index) => `function f${index}(a){return a+${index}}`).join(
      ';',
    );
    const chunks = await chunkCode('javascript', text, 80);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.every((chunk) => chunk.tokens <= 80 && chunk.startLine === 1 && chunk.endLine === 1)).toBe(
      true,
    );
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
  });

  it('uses overlapping line windows for a language without a grammar', async () => {
    const text = Array.from(
      { length: 30 },
      (_, index) => `SELECT id, name FROM table_${index} WHERE id = ${index};`,
    ).join('\n');
    const chunks = await chunkCode('sql', text, 60, 2);
    expect(chunks.length).toBeGreaterThan(3);
    for (let index = 1; index < chunks.length; index++) {
      expect(chunks[index]?.startLine).toBe((chunks[index - 1]?.endLine ?? 0) - 1);
    }
    expect(chunks.every((chunk) => chunk.symbol === undefined)).toBe(true);
    expectWellFormed(chunks, text, 60);
  });

  it('numbers lines from the section start and keeps the section heading path', async () => {
    const text = 'function one() {\n  return 1;\n}\n\nfunction two() {\n  return 2;\n}';
    const chunks = await chunker.chunk(
      {
        title: 'fixture',
        kind: 'code',
        language: 'javascript',
        sections: [{ headingPath: ['Example'], text, startLine: 41, endLine: 47 }],
      },
      { maxTokens: 12, overlapLines: 0 },
    );
    expect(outlineOf(chunks)).toEqual(['one 41-43', 'two 45-47']);
    expect(chunks.every((chunk) => chunk.headingPath[0] === 'Example')).toBe(true);
  });

  it('returns no chunks for a document without sections', async () => {
    const chunks = await chunker.chunk(
      { title: 'empty', kind: 'code', language: 'go', sections: [] },
      { maxTokens: 100, overlapLines: 2 },
    );
    expect(chunks).toEqual([]);
  });
});
