locals {
  a = "oops
  b = 1
}
