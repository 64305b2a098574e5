-- Does the store hold kandidaat hashes (made with some key)?
SELECT EXISTS (SELECT 1 FROM kandidaten_rij);
