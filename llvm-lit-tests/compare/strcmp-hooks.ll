; Each string/memory compare call is followed by a call of its
; __sanitizer_weak_hook_* with (caller pc, the call's arguments, result).
; The hook is declared extern_weak and called through
;   select (hook != null), hook, cfuzz.nohook.<hook>
; so that an unresolved weak hook is never called. The caller pc is the
; function's address plus the site's index. The original call is unchanged.
; RUN: %opt_cfuzz %s | FileCheck %s %ptr_prefixes
; RUN: %opt_cfuzz %s | FileCheck %s --check-prefix=NOHOOK
; RUN: %opt_cfuzz %s | %verify

declare i32 @memcmp(i8*, i8*, i64)
declare i32 @bcmp(i8*, i8*, i64)
declare i32 @strcmp(i8*, i8*)
declare i32 @strncmp(i8*, i8*, i64)
declare i32 @strcasecmp(i8*, i8*)
declare i32 @strncasecmp(i8*, i8*, i64)
declare i8* @strstr(i8*, i8*)
declare i8* @strcasestr(i8*, i8*)
declare i8* @memmem(i8*, i64, i8*, i64)

; CHECK-LABEL: define i32 @all(
; CHECK: %r.memcmp = call i32 @memcmp({{.*}} %a, {{.*}} %b, i64 %n)
; TYPED-NEXT: call void select (i1 icmp ne (void (i8*, i8*, i8*, i64, i32)* @__sanitizer_weak_hook_memcmp, void (i8*, i8*, i8*, i64, i32)* null), void (i8*, i8*, i8*, i64, i32)* @__sanitizer_weak_hook_memcmp, void (i8*, i8*, i8*, i64, i32)* @cfuzz.nohook.__sanitizer_weak_hook_memcmp)(i8* bitcast (i32 (i8*, i8*, i64)* @all to i8*), i8* %a, i8* %b, i64 %n, i32 %r.memcmp)
; OPAQUE-NEXT: [[DEF:%.*]] = icmp ne ptr @__sanitizer_weak_hook_memcmp, null
; OPAQUE-NEXT: [[FN:%.*]] = select i1 [[DEF]], ptr @__sanitizer_weak_hook_memcmp, ptr @cfuzz.nohook.__sanitizer_weak_hook_memcmp
; OPAQUE-NEXT: call void [[FN]](ptr @all, ptr %a, ptr %b, i64 %n, i32 %r.memcmp)
;
; bcmp reports through the memcmp hook (the ABI has no bcmp hook).
; CHECK: %r.bcmp = call i32 @bcmp(
; CHECK: @__sanitizer_weak_hook_memcmp
; TYPED-SAME: (i8* getelementptr (i8, i8* bitcast (i32 (i8*, i8*, i64)* @all to i8*), i64 1), i8* %a, i8* %b, i64 %n, i32 %r.bcmp)
; OPAQUE: call void {{%.*}}(ptr getelementptr (i8, ptr @all, i64 1), ptr %a, ptr %b, i64 %n, i32 %r.bcmp)
;
; CHECK: %r.strcmp = call i32 @strcmp(
; CHECK: @__sanitizer_weak_hook_strcmp
; TYPED-SAME: (i8* getelementptr (i8, i8* bitcast (i32 (i8*, i8*, i64)* @all to i8*), i64 2), i8* %a, i8* %b, i32 %r.strcmp)
; OPAQUE: call void {{%.*}}(ptr getelementptr (i8, ptr @all, i64 2), ptr %a, ptr %b, i32 %r.strcmp)
;
; CHECK: %r.strncmp = call i32 @strncmp(
; CHECK: @__sanitizer_weak_hook_strncmp
; TYPED-SAME: i64 3), i8* %a, i8* %b, i64 %n, i32 %r.strncmp)
; OPAQUE: call void {{%.*}}(ptr getelementptr (i8, ptr @all, i64 3), ptr %a, ptr %b, i64 %n, i32 %r.strncmp)
;
; CHECK: %r.strcasecmp = call i32 @strcasecmp(
; CHECK: @__sanitizer_weak_hook_strcasecmp
; TYPED-SAME: i64 4), i8* %a, i8* %b, i32 %r.strcasecmp)
; OPAQUE: call void {{%.*}}(ptr getelementptr (i8, ptr @all, i64 4), ptr %a, ptr %b, i32 %r.strcasecmp)
;
; CHECK: %r.strncasecmp = call i32 @strncasecmp(
; CHECK: @__sanitizer_weak_hook_strncasecmp
; TYPED-SAME: i64 5), i8* %a, i8* %b, i64 %n, i32 %r.strncasecmp)
; OPAQUE: call void {{%.*}}(ptr getelementptr (i8, ptr @all, i64 5), ptr %a, ptr %b, i64 %n, i32 %r.strncasecmp)
;
; CHECK: %r.strstr = call {{.*}}@strstr(
; CHECK: @__sanitizer_weak_hook_strstr
; TYPED-SAME: i64 6), i8* %a, i8* %b, i8* %r.strstr)
; OPAQUE: call void {{%.*}}(ptr getelementptr (i8, ptr @all, i64 6), ptr %a, ptr %b, ptr %r.strstr)
;
; CHECK: %r.strcasestr = call {{.*}}@strcasestr(
; CHECK: @__sanitizer_weak_hook_strcasestr
; TYPED-SAME: i64 7), i8* %a, i8* %b, i8* %r.strcasestr)
; OPAQUE: call void {{%.*}}(ptr getelementptr (i8, ptr @all, i64 7), ptr %a, ptr %b, ptr %r.strcasestr)
;
; CHECK: %r.memmem = call {{.*}}@memmem(
; CHECK: @__sanitizer_weak_hook_memmem
; TYPED-SAME: i64 8), i8* %a, i64 %n, i8* %b, i64 %m, i8* %r.memmem)
; OPAQUE: call void {{%.*}}(ptr getelementptr (i8, ptr @all, i64 8), ptr %a, i64 %n, ptr %b, i64 %m, ptr %r.memmem)
; CHECK: ret i32 %sum
define i32 @all(i8* %a, i8* %b, i64 %n) {
  %m = add i64 %n, 1
  %r.memcmp = call i32 @memcmp(i8* %a, i8* %b, i64 %n)
  %r.bcmp = call i32 @bcmp(i8* %a, i8* %b, i64 %n)
  %r.strcmp = call i32 @strcmp(i8* %a, i8* %b)
  %r.strncmp = call i32 @strncmp(i8* %a, i8* %b, i64 %n)
  %r.strcasecmp = call i32 @strcasecmp(i8* %a, i8* %b)
  %r.strncasecmp = call i32 @strncasecmp(i8* %a, i8* %b, i64 %n)
  %r.strstr = call i8* @strstr(i8* %a, i8* %b)
  %r.strcasestr = call i8* @strcasestr(i8* %a, i8* %b)
  %r.memmem = call i8* @memmem(i8* %a, i64 %n, i8* %b, i64 %m)
  %s1 = add i32 %r.memcmp, %r.bcmp
  %s2 = add i32 %s1, %r.strcmp
  %s3 = add i32 %s2, %r.strncmp
  %s4 = add i32 %s3, %r.strcasecmp
  %sum = add i32 %s4, %r.strncasecmp
  ret i32 %sum
}

; The hooks are weak declarations; the stand-ins are internal no-ops that
; the pass itself never instruments.
; CHECK-DAG: declare extern_weak void @__sanitizer_weak_hook_memcmp({{.*}}, i64, i32)
; CHECK-DAG: declare extern_weak void @__sanitizer_weak_hook_strcmp({{.*}}, i32)
; CHECK-DAG: declare extern_weak void @__sanitizer_weak_hook_strncmp({{.*}}, i64, i32)
; CHECK-DAG: declare extern_weak void @__sanitizer_weak_hook_strcasecmp({{.*}}, i32)
; CHECK-DAG: declare extern_weak void @__sanitizer_weak_hook_strncasecmp({{.*}}, i64, i32)
; CHECK-DAG: declare extern_weak void @__sanitizer_weak_hook_strstr(
; CHECK-DAG: declare extern_weak void @__sanitizer_weak_hook_strcasestr(
; CHECK-DAG: declare extern_weak void @__sanitizer_weak_hook_memmem({{.*}}, i64, {{.*}}, i64,
; CHECK-DAG: define internal void @cfuzz.nohook.__sanitizer_weak_hook_memcmp({{.*}}) [[NOOP_ATTRS:#[0-9]+]] {
; CHECK-DAG: attributes [[NOOP_ATTRS]] = { {{.*}}disable_sanitizer_instrumentation{{.*}} }
; The no-op gets no coverage counter: its body is just "ret void".
; NOHOOK: define internal void @cfuzz.nohook.__sanitizer_weak_hook_strcmp(
; NOHOOK-NEXT: ret void
