resource "aws_db_instance" "x" {
  deletion_protection = 
