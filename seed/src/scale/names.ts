/** Word lists for generated people and companies (scale data). */
export const FIRST_NAMES = [
  'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Isabella', 'Lucas', 'Mia', 'Logan',
  'Amelia', 'James', 'Harper', 'Elijah', 'Evelyn', 'Benjamin', 'Abigail', 'Jacob', 'Emily', 'Michael', 'Ella',
  'Daniel', 'Chloe', 'Henry', 'Grace', 'Samuel', 'Zoe', 'David', 'Nora', 'Joseph', 'Lily', 'Carter', 'Hannah',
  'Wei', 'Mei', 'Jun', 'Li', 'Priya', 'Arjun', 'Aisha', 'Omar', 'Sofia', 'Mateo', 'Camila', 'Diego', 'Yuki', 'Kenji',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen',
  'King', 'Wright', 'Scott', 'Nguyen', 'Hill', 'Chen', 'Wang', 'Zhang', 'Patel', 'Shah', 'Kim', 'Park', 'Tanaka',
] as const;

export const COMPANY_PREFIXES = [
  'Summit', 'Riverbend', 'Northgate', 'Silverline', 'Cedar', 'Harbor', 'Evergreen', 'Granite', 'Lakeside',
  'Redwood', 'Bright', 'Ironwood', 'Pioneer', 'Copper', 'Maple', 'Atlas', 'Golden', 'Crescent', 'Sterling', 'Willow',
  'Beacon', 'Prairie', 'Coastal', 'Highland', 'Union', 'Metro', 'Keystone', 'Blue Ridge', 'Oak Hill', 'Falcon',
] as const;

export const COMPANY_KINDS = [
  'Dental Group', 'Coffee Co.', 'Brewing Company', 'Realty', 'Veterinary Clinic', 'Law Partners', 'Credit Union',
  'Bakery', 'Fitness Studios', 'Community Bank', 'Architects', 'Wine Cellars', 'Outdoor Supply', 'Pharmacy',
  'Public Schools', 'Museum', 'Theatre', 'Hotel & Spa', 'Insurance Agency', 'Auto Group', 'Garden Center',
  'Pet Supplies', 'Medical Center', 'University Press', 'Marketing Agency', 'Food Market', 'Cycling Club',
] as const;

export const CITIES: readonly (readonly [string, string, string])[] = [
  ['Portland', 'OR', '972'], ['Seattle', 'WA', '981'], ['Boise', 'ID', '837'], ['Sacramento', 'CA', '958'],
  ['San Jose', 'CA', '951'], ['Denver', 'CO', '802'], ['Salt Lake City', 'UT', '841'], ['Phoenix', 'AZ', '850'],
  ['Reno', 'NV', '895'], ['Spokane', 'WA', '992'], ['Eugene', 'OR', '974'], ['Tacoma', 'WA', '984'],
  ['Fresno', 'CA', '937'], ['Albuquerque', 'NM', '871'], ['Tucson', 'AZ', '857'], ['Anchorage', 'AK', '995'],
];

export const STREETS = ['Main St', 'Oak Ave', 'Market St', 'Industrial Way', 'Commerce Dr', 'Park Blvd', 'Pine St', 'River Rd'] as const;

export const JOB_TITLES = [
  'Marketing coordinator', 'Office manager', 'Brand manager', 'Purchasing agent', 'Events coordinator',
  'Communications officer', 'Operations manager', 'Graphic designer', 'Executive assistant', 'Store manager',
] as const;

export const TIMEZONES = ['America/Los_Angeles', 'America/Denver', 'America/Phoenix', 'America/Chicago', 'America/New_York', 'Asia/Shanghai'] as const;
