;; Literal blocks cut out of a window's bytes and de-indented, for
;; src/yaml/literal-bytes.ts. Line breaks are found 16 bytes at once; each
;; line is moved with one memory.copy. Compiled by
;; literal-bytes.property.test.ts, which checks the bytes embedded in the
;; TypeScript module against it.
(module
  (memory (export "memory") 1)
  ;; Where the last block `cut` read ended: the start of the first line past it.
  (global $stop (export "stop") (mut i32) (i32.const 0))
  ;; `cut(read, end, write, indent)` reads a literal block's lines from `read`
  ;; (its first line's start, indented `indent` spaces) up to `end` at most,
  ;; and writes them from `write` with `indent` spaces left out of each, a bare
  ;; LF kept, finding where the block ends as it goes (the first line with
  ;; text indented less). Returns where the
  ;; writing ends and sets `stop` to where the block ended; -1 when a line of
  ;; spaces only is shorter than `indent` (the caller reads the block's text
  ;; instead). The 16 bytes after `end` must be in memory.
  (func (export "cut") (param $read i32) (param $end i32) (param $write i32) (param $indent i32) (result i32)
    (local $scan i32)
    (local $mask i32)
    (local $newline i32)
    (local $next i32)
    (local $column i32)
    (local $code i32)
    (loop $line
      (if (i32.ge_u (local.get $read) (local.get $end))
        (then
          (global.set $stop (local.get $end))
          (return (local.get $write))))
      (if (i32.eq (i32.load8_u (local.get $read)) (i32.const 10))
        (then
          ;; A bare LF: a blank line, kept.
          (i32.store8 (local.get $write) (i32.const 10))
          (local.set $write (i32.add (local.get $write) (i32.const 1)))
          (local.set $read (i32.add (local.get $read) (i32.const 1)))
          (br $line)))
      ;; The line's indentation, up to `indent`.
      (local.set $column (i32.const 0))
      (block $counted
        (loop $count
          (br_if $counted (i32.ge_u (local.get $column) (local.get $indent)))
          (br_if $counted (i32.ge_u (i32.add (local.get $read) (local.get $column)) (local.get $end)))
          (br_if $counted (i32.ne (i32.load8_u (i32.add (local.get $read) (local.get $column))) (i32.const 32)))
          (local.set $column (i32.add (local.get $column) (i32.const 1)))
          (br $count)))
      (if (i32.lt_u (local.get $column) (local.get $indent))
        (then
          ;; Spaces only to the line's end (or the end): a short blank line, for the caller.
          (if (i32.ge_u (i32.add (local.get $read) (local.get $column)) (local.get $end))
            (then (return (i32.const -1))))
          (local.set $code (i32.load8_u (i32.add (local.get $read) (local.get $column))))
          (if (i32.eq (local.get $code) (i32.const 10))
            (then (return (i32.const -1))))
          ;; Text indented less: the block ended at this line's start.
          (global.set $stop (local.get $read))
          (return (local.get $write))))
      ;; A line of the block: its LF, the first at or after its text (past `end` when the last line has none).
      (local.set $scan (i32.add (local.get $read) (local.get $indent)))
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
      (local.set $next
        (select
          (i32.add (local.get $newline) (i32.const 1))
          (local.get $end)
          (i32.lt_u (local.get $newline) (local.get $end))))
      ;; The line past its indentation, its LF included.
      (local.set $read (i32.add (local.get $read) (local.get $indent)))
      (memory.copy (local.get $write) (local.get $read) (i32.sub (local.get $next) (local.get $read)))
      (local.set $write (i32.add (local.get $write) (i32.sub (local.get $next) (local.get $read))))
      (local.set $read (local.get $next))
      (br $line))
    (unreachable))
)
