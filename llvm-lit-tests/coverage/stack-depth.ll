; stack-depth (off by default): a function that calls another lowers the
; thread-local __sancov_lowest_stack to its frame address at entry, after the
; static allocas, with a umin and a store (no new block, no traced compare:
; stack addresses differ between processes); a leaf, or one that only calls
; intrinsics, is left alone. Without the option none of it is emitted.
; RUN: env CFUZZ_PASS_OPTIONS=stack-depth=1 %opt_cfuzz %s | FileCheck %s
; RUN: %opt_cfuzz %s | FileCheck %s --check-prefix=OFF
; RUN: env CFUZZ_PASS_OPTIONS=stack-depth=1,stack-depth=0 %opt_cfuzz %s | FileCheck %s --check-prefix=OFF

target triple = "x86_64-unknown-linux-gnu"

declare void @g(i64)
declare void @llvm.memset.p0i8.i64(i8*, i8, i64, i1)

define void @caller(i64 %x) {
entry:
  %a = alloca i64
  store i64 %x, i64* %a
  call void @g(i64 %x)
  ret void
}

define i64 @leaf(i64 %x) {
entry:
  %y = add i64 %x, 1
  ret i64 %y
}

define void @intrinsics_only(i8* %p) {
entry:
  call void @llvm.memset.p0i8.i64(i8* %p, i8 0, i64 16, i1 false)
  ret void
}

; CHECK: @__sancov_lowest_stack = external thread_local(initialexec) global i64
; CHECK-LABEL: define void @caller(
; CHECK-NEXT: entry:
; CHECK-NEXT: %a = alloca i64
; CHECK-NOT: store i64 %x
; CHECK: [[FRAME:%[0-9]+]] = call {{.*}} @llvm.frameaddress.p0{{(i8)?}}(i32 0)
; CHECK-NEXT: [[INT:%[0-9]+]] = ptrtoint {{.*}} [[FRAME]] to i64
; CHECK-NEXT: [[OLD:%[0-9]+]] = load i64, {{.*}} @__sancov_lowest_stack, align {{[0-9]+}}, !nosanitize
; CHECK-NEXT: [[MIN:%[0-9]+]] = call i64 @llvm.umin.i64(i64 [[INT]], i64 [[OLD]])
; CHECK-NEXT: store i64 [[MIN]], {{.*}} @__sancov_lowest_stack, align {{[0-9]+}}, !nosanitize
; CHECK-NOT: __sanitizer_cov_trace_cmp
; CHECK: call void @g(
; CHECK-LABEL: define i64 @leaf(
; CHECK-NOT: __sancov_lowest_stack
; CHECK: ret i64
; CHECK-LABEL: define void @intrinsics_only(
; CHECK-NOT: __sancov_lowest_stack
; CHECK: ret void

; OFF-NOT: __sancov_lowest_stack
; OFF-NOT: llvm.frameaddress
