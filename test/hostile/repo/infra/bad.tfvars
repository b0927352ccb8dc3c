db_password = 
