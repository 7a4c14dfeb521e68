;; A prefilter for the characters yaml.v3 refuses in a document, for
;; src/read/refused-characters.ts: `scan(from, end)` looks at the UTF-8 bytes
;; in memory 16 at a time, from `from` up to `end` (a multiple of 16), and
;; returns where the first 16 that may hold one start (`end` when none may).
;; A refused character's bytes always hold a byte below 0x20 other than tab,
;; LF and CR (C0 controls), 0x7F (DEL), 0xC2 (the lead of C1 controls) or 0xEF
;; (the lead of U+FFFE and U+FFFF); the exact check is left to the caller.
;; `plain(from, end)` does the same for bytes that are plain ASCII with no
;; character Go refuses and no DEL: it returns where the first 16 that may
;; hold a byte of 0x80 or more, a C0 control other than tab, LF and CR, or
;; DEL start (signed, bytes of 0x80 and more are below 0x20 too).
;; Compiled by refused-characters.property.test.ts, which checks the bytes
;; embedded in the TypeScript module against it.
(module
  (memory (export "memory") 1)
  (func (export "scan") (param $from i32) (param $end i32) (result i32)
    (local $v v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (local.get $end)))
        (local.set $v (v128.load (local.get $from)))
        (br_if $done
          (v128.any_true
            (v128.or
              (v128.or
                (v128.andnot
                  (i8x16.lt_u (local.get $v) (i8x16.splat (i32.const 0x20)))
                  (v128.or
                    (v128.or
                      (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x09)))
                      (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x0a))))
                    (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x0d)))))
                (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x7f))))
              (v128.or
                (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0xc2)))
                (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0xef)))))))
        (local.set $from (i32.add (local.get $from) (i32.const 16)))
        (br $next)))
    (local.get $from))
  (func (export "plain") (param $from i32) (param $end i32) (result i32)
    (local $v v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $from) (local.get $end)))
        (local.set $v (v128.load (local.get $from)))
        (br_if $done
          (v128.any_true
            (v128.or
              (v128.andnot
                (i8x16.lt_s (local.get $v) (i8x16.splat (i32.const 0x20)))
                (v128.or
                  (v128.or
                    (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x09)))
                    (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x0a))))
                  (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x0d)))))
              (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x7f))))))
        (local.set $from (i32.add (local.get $from) (i32.const 16)))
        (br $next)))
    (local.get $from)))
