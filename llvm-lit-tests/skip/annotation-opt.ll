; Through `opt -passes=cfuzz` there is no pipeline-start step: the pass reads
; llvm.global.annotations itself. Typed-pointer syntax on purpose: LLVM 14
; wraps the entries in bitcasts and GEPs, which must be looked through.
; RUN: %opt_cfuzz %s | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

@.str = private unnamed_addr constant [24 x i8] c"disable_instrumentation\00", section "llvm.metadata"
@.str.other = private unnamed_addr constant [6 x i8] c"other\00", section "llvm.metadata"
@.file = private unnamed_addr constant [4 x i8] c"t.c\00", section "llvm.metadata"
@llvm.global.annotations = appending global [2 x { i8*, i8*, i8*, i32, i8* }] [
  { i8*, i8*, i8*, i32, i8* } { i8* bitcast (i32 (i32)* @harness to i8*), i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.str, i32 0, i32 0), i8* getelementptr inbounds ([4 x i8], [4 x i8]* @.file, i32 0, i32 0), i32 1, i8* null },
  { i8*, i8*, i8*, i32, i8* } { i8* bitcast (i32 (i32)* @tagged to i8*), i8* getelementptr inbounds ([6 x i8], [6 x i8]* @.str.other, i32 0, i32 0), i8* getelementptr inbounds ([4 x i8], [4 x i8]* @.file, i32 0, i32 0), i32 2, i8* null }
], section "llvm.metadata"

define i32 @callee(i32 %x) {
  ret i32 %x
}

define i32 @harness(i32 %x) {
  %r = call i32 @callee(i32 %x)
  ret i32 %r
}

; Another annotation does not opt out.
define i32 @tagged(i32 %x) {
  ret i32 %x
}

; CHECK-NOT: comdat($harness)
; CHECK-DAG: comdat($callee)
; CHECK-DAG: comdat($tagged)
; CHECK: define i32 @harness(i32 %x) #[[ATTR:[0-9]+]] {
; CHECK-NEXT: call i32 @callee(i32 %x) #[[NOINL:[0-9]+]]
; CHECK-DAG: attributes #[[ATTR]] = { "cfuzz-disable" }
; CHECK-DAG: attributes #[[NOINL]] = { noinline }
