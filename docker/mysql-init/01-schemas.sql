-- Run by the mysql image on the first start of an empty data volume.
-- One schema per service (docs/runtime-contract.md); the users are created by 02-users.sh,
-- because their passwords come from the environment and SQL files cannot read it.
CREATE DATABASE IF NOT EXISTS `smp_account` CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS `smp_incident` CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS `smp_consent` CHARACTER SET utf8mb4;
