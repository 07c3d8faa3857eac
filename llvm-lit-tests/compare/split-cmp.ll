; split-cmp=1 turns an eq/ne compare of a 16/32/64-bit value against a
; constant into a cascade of one-byte compares, lowest byte first, one block
; per byte, so edge coverage alone rewards each correct byte.
;
; RUN: env CFUZZ_PASS_OPTIONS=split-cmp=1,coverage=0,trace-cmp=0 %opt_cfuzz %s | FileCheck %s
; RUN: env CFUZZ_PASS_OPTIONS=split-cmp=1 %opt_cfuzz %s | %verify

; CHECK-LABEL: define i1 @eq32(
; CHECK: [[B0:%.*]] = trunc i32 %x to i8
; CHECK-NEXT: [[M0:%.*]] = icmp eq i8 [[B0]], -34
; CHECK-NEXT: br i1 [[M0]], label %[[BYTE1:.*]], label %[[END:cfuzz.split.end]]
; CHECK: [[BYTE1]]:
; CHECK-NEXT: [[S1:%.*]] = lshr i32 %x, 8
; CHECK-NEXT: [[B1:%.*]] = trunc i32 [[S1]] to i8
; CHECK-NEXT: [[M1:%.*]] = icmp eq i8 [[B1]], -64
; CHECK-NEXT: br i1 [[M1]], label %[[BYTE2:.*]], label %[[END]]
; CHECK: [[BYTE2]]:
; CHECK: icmp eq i8 {{.*}}, -19
; CHECK: icmp eq i8 {{.*}}, 94
; CHECK-NEXT: br label %[[END]]
; CHECK: [[END]]:
; CHECK-NEXT: [[EQ:%.*]] = phi i1 [ false, %entry ], [ false, %[[BYTE1]] ], [ false, %[[BYTE2]] ], [ {{%.*}}, %{{.*}} ]
; CHECK-NEXT: ret i1 [[EQ]]
define i1 @eq32(i32 %x) {
entry:
  %c = icmp eq i32 %x, 1592639710 ; 0x5eedc0de
  ret i1 %c
}

; ne is the negation of the cascade's result; the constant may come first.
; CHECK-LABEL: define i1 @ne16(
; CHECK: icmp eq i8 {{.*}}, 52
; CHECK: icmp eq i8 {{.*}}, 18
; CHECK: [[EQ:%.*]] = phi i1
; CHECK-NEXT: [[NE:%.*]] = xor i1 [[EQ]], true
; CHECK-NEXT: ret i1 [[NE]]
define i1 @ne16(i16 %x) {
entry:
  %c = icmp ne i16 4660, %x ; 0x1234
  ret i1 %c
}

; Not split: ordered predicates, two variables, odd widths.
; CHECK-LABEL: define i1 @kept(
; CHECK-NOT: cfuzz.split
; CHECK: ret i1
define i1 @kept(i32 %x, i32 %y, i24 %z) {
entry:
  %a = icmp ult i32 %x, 1000000
  %b = icmp eq i32 %x, %y
  %c = icmp eq i24 %z, 123456
  %ab = and i1 %a, %b
  %r = and i1 %ab, %c
  ret i1 %r
}
