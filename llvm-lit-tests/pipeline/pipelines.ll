; The extension points in opt's standard pipelines, as clang uses them:
; per-module, full-LTO and ThinLTO pre-link compiles all instrument (and the
; pipeline-start step marks the opted-out harness), and a ThinLTO post-link
; compile of an already instrumented module adds nothing.
; RUN: %opt -load-pass-plugin=%plugin -passes='default<O2>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='default<O0>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='lto-pre-link<O2>' -S %s | FileCheck %s
; RUN: %opt -load-pass-plugin=%plugin -passes='thinlto-pre-link<O2>' -S %s -o %t.ll
; RUN: FileCheck %s < %t.ll
; RUN: %opt -load-pass-plugin=%plugin -passes='thinlto<O2>' -S %t.ll | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

@.str = private unnamed_addr constant [24 x i8] c"disable_instrumentation\00", section "llvm.metadata"
@.file = private unnamed_addr constant [4 x i8] c"t.c\00", section "llvm.metadata"
@llvm.global.annotations = appending global [1 x { i8*, i8*, i8*, i32, i8* }] [
  { i8*, i8*, i8*, i32, i8* } { i8* bitcast (i32 (i32)* @harness to i8*), i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.str, i32 0, i32 0), i8* getelementptr inbounds ([4 x i8], [4 x i8]* @.file, i32 0, i32 0), i32 1, i8* null }
], section "llvm.metadata"

declare void @sink(i32)

define i32 @work(i32 %x) {
entry:
  %c = icmp sgt i32 %x, 5
  br i1 %c, label %big, label %done
big:
  call void @sink(i32 %x)
  br label %done
done:
  ret i32 %x
}

define i32 @harness(i32 %x) {
  %r = call i32 @work(i32 %x)
  ret i32 %r
}

; CHECK-COUNT-1: section "__sancov_cntrs", comdat($work)
; CHECK-NOT: section "__sancov_cntrs"
; CHECK: define {{.*}}i32 @work(
; CHECK: define {{.*}}i32 @harness(
; CHECK-NOT: __cfuzz_gen_
; CHECK: call {{.*}}i32 @work(
; CHECK-NOT: __cfuzz_gen_
; CHECK: ret i32
; CHECK-COUNT-1: define internal void @cfuzz.module_ctor()
; CHECK-NOT: define internal void @cfuzz.module_ctor
