# Sourced (not executed) by the mysql image's entrypoint on the first start of an empty data
# volume, after 01-schemas.sql; docker_process_sql comes from that entrypoint.
#
# One user per service with rights on its own schema only; consent- and incident-service may
# also read account-service's schema, whose event stream they follow. In GRANT, "_" is a wildcard, hence
# the escaped schema names.

if ! declare -F docker_process_sql > /dev/null; then
	echo "02-users.sh must be sourced by the mysql entrypoint: remove its executable bit" >&2
	exit 1
fi

# A MySQL string literal: backslashes and quotes in a password are escaped.
smp_sql_string() {
	local value="${1//\\/\\\\}"
	printf "'%s'" "${value//\'/\'\'}"
}

mysql_note "Creating the service users of smp_account, smp_incident and smp_consent"
docker_process_sql --database=mysql <<-EOSQL
	CREATE USER 'account_service'@'%' IDENTIFIED BY $(smp_sql_string "${SMP_ACCOUNT_DB_PASSWORD:?}");
	GRANT ALL PRIVILEGES ON \`smp\\_account\`.* TO 'account_service'@'%';

	CREATE USER 'incident_service'@'%' IDENTIFIED BY $(smp_sql_string "${SMP_INCIDENT_DB_PASSWORD:?}");
	GRANT ALL PRIVILEGES ON \`smp\\_incident\`.* TO 'incident_service'@'%';
	GRANT SELECT ON \`smp\\_account\`.* TO 'incident_service'@'%';

	CREATE USER 'consent_service'@'%' IDENTIFIED BY $(smp_sql_string "${SMP_CONSENT_DB_PASSWORD:?}");
	GRANT ALL PRIVILEGES ON \`smp\\_consent\`.* TO 'consent_service'@'%';
	GRANT SELECT ON \`smp\\_account\`.* TO 'consent_service'@'%';
EOSQL
