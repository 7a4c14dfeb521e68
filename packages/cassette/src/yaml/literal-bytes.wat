;; Literal blocks de-indented on their bytes, for src/yaml/literal-bytes.ts.
;; `strip(from, end, indent)` takes the block's bytes from `from` up to `end`
;; (its first line's indentation already left out) and, in place, leaves out
;; the `indent` spaces that start every later line, a bare LF (a blank line)
;; kept as it is; it returns where the block now ends, or -1 when a line does
;; not start with `indent` spaces (the caller reads the block's text instead).
;; Line breaks are found 16 bytes at once; each line is moved with one
;; memory.copy. The 16 bytes after `end` must be in memory (they are read,
;; never used). Compiled by literal-bytes.test.ts, which checks the bytes
;; embedded in the TypeScript module against it.
(module
  (memory (export "memory") 1)
  (func (export "strip") (param $from i32) (param $end i32) (param $indent i32) (result i32)
    (local $read i32)
    (local $write i32)
    (local $scan i32)
    (local $mask i32)
    (local $newline i32)
    (local $next i32)
    (local $column i32)
    (local.set $read (local.get $from))
    (local.set $write (local.get $from))
    (loop $line
      ;; The line's LF: the first at or after $read (past $end when the block's last line has none).
      (local.set $scan (local.get $read))
      (local.set $newline (local.get $end))
      (block $found
        (loop $search
          (br_if $found (i32.ge_u (local.get $scan) (local.get $end)))
          (local.set $mask
            (i8x16.bitmask (i8x16.eq (v128.load (local.get $scan)) (i8x16.splat (i32.const 10)))))
          (if (local.get $mask)
            (then
              (local.set $newline (i32.add (local.get $scan) (i32.ctz (local.get $mask))))
              (br $found)))
          (local.set $scan (i32.add (local.get $scan) (i32.const 16)))
          (br $search)))
      ;; The line, its LF included (none past $end), moved to where the text so far ends.
      (local.set $next
        (select
          (i32.add (local.get $newline) (i32.const 1))
          (local.get $end)
          (i32.lt_u (local.get $newline) (local.get $end))))
      (memory.copy (local.get $write) (local.get $read) (i32.sub (local.get $next) (local.get $read)))
      (local.set $write (i32.add (local.get $write) (i32.sub (local.get $next) (local.get $read))))
      (if (i32.ge_u (local.get $next) (local.get $end))
        (then (return (local.get $write))))
      (local.set $read (local.get $next))
      ;; A bare LF is a blank line, kept; any other line starts with `indent` spaces, left out.
      (if (i32.ne (i32.load8_u (local.get $read)) (i32.const 10))
        (then
          (if (i32.gt_u (i32.add (local.get $read) (local.get $indent)) (local.get $end))
            (then (return (i32.const -1))))
          (local.set $column (i32.const 0))
          (block $spaces
            (loop $space
              (br_if $spaces (i32.ge_u (local.get $column) (local.get $indent)))
              (if (i32.ne (i32.load8_u (i32.add (local.get $read) (local.get $column))) (i32.const 32))
                (then (return (i32.const -1))))
              (local.set $column (i32.add (local.get $column) (i32.const 1)))
              (br $space)))
          (local.set $read (i32.add (local.get $read) (local.get $indent)))))
      (br $line))
    (unreachable)))
